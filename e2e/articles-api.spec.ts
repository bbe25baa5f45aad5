import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { signIn } from "./support";

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function staffRequest(page: import("@playwright/test").Page, email: string): Promise<APIRequestContext> {
  await signIn(page, email);
  return page.request;
}

test("the article API refuses bad input with a 4xx and changes nothing", async ({ page }) => {
  const api = await staffRequest(page, "reporter@example.com");
  const created = await api.post("/api/v1/newsroom/articles", { data: { headline: `API story ${Date.now()}`, body: doc("Text.") } });
  expect(created.status()).toBe(201);
  const article = await created.json();
  expect(article).toMatchObject({ version: 1, status: "DRAFT" });
  const url = `/api/v1/newsroom/articles/${article.id}`;
  const snapshot = async () => (await api.get(url)).json();
  const before = await snapshot();

  const refusals: [string, () => Promise<import("@playwright/test").APIResponse>, number, string][] = [
    ["malformed JSON", () => api.patch(url, { headers: { "Content-Type": "application/json" }, data: "{nope" }), 400, "validation"],
    ["a wrong type", () => api.patch(url, { data: { version: "one", headline: "x" } }), 400, "validation"],
    ["a status in a save", () => api.patch(url, { data: { version: 1, status: "PUBLISHED" } }), 400, "validation"],
    ["HTML as the body", () => api.patch(url, { data: { version: 1, body: "<p onclick=alert(1)>hi</p>" } }), 400, "validation"],
    ["an oversized request", () => api.patch(url, { data: { version: 1, headline: "x", standfirst: "y".repeat(1_100_000) } }), 413, "too_large"],
    ["an unknown action", () => api.post(`${url}/transitions`, { data: { action: "teleport" } }), 400, "validation"],
    ["a move the role may not make", () => api.post(`${url}/transitions`, { data: { action: "publish" } }), 403, "forbidden"],
    ["a move from the wrong state", () => api.post(`${url}/transitions`, { data: { action: "withdraw" } }), 409, "invalid_transition"],
    ["an article that does not exist", () => api.patch("/api/v1/newsroom/articles/nope", { data: { version: 1, headline: "x" } }), 404, "not_found"],
  ];
  for (const [name, send, status, code] of refusals) {
    const response = await send();
    expect(response.status(), name).toBe(status);
    expect((await response.json()).error.code, name).toBe(code);
  }
  // A field past its limit is kept back, not a refusal of the save (issue #23): alone, it stores nothing.
  const tooLong = await api.patch(url, { data: { version: 1, headline: "x".repeat(201) } });
  expect(tooLong.status()).toBe(200);
  expect(await tooLong.json()).toMatchObject({ version: 1, invalid: [{ field: "headline", message: "Headline: must be at most 200 characters (it has 201)." }] });
  expect(await snapshot()).toEqual(before);

  const saved = await api.patch(url, { data: { version: 1, headline: "Saved through the API" } });
  expect(saved.status()).toBe(200);
  expect((await saved.json()).version).toBe(2);
  const stale = await api.patch(url, { data: { version: 1, headline: "From a stale copy" } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error).toMatchObject({ code: "conflict", currentVersion: 2, updatedBy: "Maya Okafor" });

  expect((await api.get(`${url}/revisions`)).ok()).toBe(true);
  // The save folded into the author's first revision (autosaves within minutes do), so history stays bounded.
  expect((await (await api.get(`${url}/revisions`)).json()).revisions).toEqual([expect.objectContaining({ version: 2, headline: "Saved through the API" })]);
  expect((await api.post(`${url}/comments`, { data: { body: "Checked the figures." } })).status()).toBe(201);
  const submitted = await api.post(`${url}/transitions`, { data: { action: "submit" } });
  expect(await submitted.json()).toMatchObject({ status: "IN_REVIEW", version: 2 });
  expect((await (await api.get(`${url}/events`)).json()).events).toHaveLength(1);
});

test("uploads take real images only, within the size limit", async ({ page }) => {
  const api = await staffRequest(page, "reporter2@example.com");
  const upload = (name: string, mimeType: string, buffer: Buffer) => api.post("/api/v1/newsroom/media", { multipart: { file: { name, mimeType, buffer } } });

  const notAnImage = await upload("photo.jpg", "image/jpeg", Buffer.from("<script>alert(1)</script>"));
  expect(notAnImage.status()).toBe(400);
  expect((await notAnImage.json()).error.field).toBe("file");

  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#336699" } }).png().toBuffer();
  const accepted = await upload("renamed.txt", "text/plain", png);
  expect(accepted.status()).toBe(201);
  const media = await accepted.json();
  expect(media).toMatchObject({ width: 1200, height: 800 });
  const variant = await page.request.get(media.url);
  expect(variant.headers()["content-type"]).toBe("image/webp");
  expect((await sharp(await variant.body()).metadata()).width).toBe(960);

  const huge = await upload("huge.png", "image/png", Buffer.alloc(16 * 1024 * 1024, 1));
  expect(huge.status()).toBe(413);
});

test("the scheduler publishes a scheduled article on time, in the running server", async ({ page, request }) => {
  test.setTimeout(90_000);
  const api = await staffRequest(page, "editor@example.com");
  const created = await (await api.post("/api/v1/newsroom/articles", { data: { headline: `Scheduled story ${Date.now()}`, body: doc("On time.") } })).json();
  const url = `/api/v1/newsroom/articles/${created.id}`;
  expect((await api.post(`${url}/transitions`, { data: { action: "submit" } })).ok()).toBe(true);
  const publishAt = new Date(Date.now() + 3_000);
  const scheduled = await api.post(`${url}/transitions`, { data: { action: "schedule", version: created.version, publishAt: publishAt.toISOString() } });
  expect(await scheduled.json()).toMatchObject({ status: "SCHEDULED" });
  expect((await request.get(`/articles/${created.slug}`)).status()).toBe(404);

  await expect(async () => {
    expect((await request.get(`/articles/${created.slug}`)).status()).toBe(200);
  }).toPass({ timeout: 60_000, intervals: [1_000] });
  const events = (await (await api.get(`${url}/events`)).json()).events as { action: string; actor: unknown }[];
  expect(events.filter((event) => event.action === "publish_scheduled")).toEqual([expect.objectContaining({ actor: null })]);
});
