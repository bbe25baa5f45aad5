import sharp from "sharp";
import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

/*
 * Issue #25, item 2, on the production build: an editor sets an embargo in the editor and then presses
 * Publish by mistake; the story is scheduled for the embargo's end instead, and until then a signed-out
 * reader finds it nowhere — page, listings, feed, sitemap, search, content API, its photo — while a
 * partner's syndication token sees it marked embargoed. An early lift without a reason is refused. At
 * the end the scheduler (a sweep every 15 s) makes it live.
 */
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

test("an embargoed story published by mistake waits for the embargo, hidden everywhere, then goes live", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const editor = await signedInPage(browser, "editor@example.com");
  const admin = await signedInPage(browser, "admin@example.com");
  const reader = await playwright.request.newContext({ baseURL });
  const word = `Kestrelwick${Date.now()}`;
  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 90, g: 40, b: Date.now() % 255 } } }).jpeg().toBuffer();
  const hero = await (await editor.request.post("/api/v1/newsroom/media", { multipart: { file: { name: "embargoed.jpg", mimeType: "image/jpeg", buffer: photo } } })).json();
  const created = await (
    await editor.request.post("/api/v1/newsroom/articles", {
      data: { headline: `${word} results under embargo`, standfirst: "Figures out at the embargo.", body: doc(`${word} figures.`), hero: { mediaId: hero.id, alt: "A chart", caption: "The figures", credit: "Agency" } },
    })
  ).json();

  // Far enough ahead that the steps below finish first on a loaded machine.
  const until = new Date(Date.now() + 75_000);
  await editor.goto(`/newsroom/articles/${created.id}`);
  const panel = editor.getByRole("group", { name: "Embargo and legal" });
  await panel.getByLabel(/Embargoed until/).fill(until.toISOString());
  await panel.getByRole("button", { name: "Set embargo" }).click();
  await expect(panel.getByRole("status")).toHaveText(/Embargo set/);
  await expect(panel.getByTestId("embargo-state")).toHaveText(/^Embargoed until/);

  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  const lastLook = editor.getByRole("form", { name: "Publish: confirm" });
  await expect(lastLook).toContainText("when the embargo ends");
  await lastLook.getByRole("button", { name: "Confirm publish" }).click();
  await expect(editor.getByTestId("move-done")).toHaveText(/^Embargoed until .*: scheduled to go live then, not now/);
  await expect(editor.getByTestId("status-badge").first()).toHaveText("Scheduled");

  const stored = await (await editor.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  expect(Math.abs(new Date(stored.embargoUntil).getTime() - until.getTime())).toBeLessThan(60_000);
  expect(stored.scheduledFor).toBe(stored.embargoUntil);
  const slug = stored.slug as string;

  // Before the end: nothing public has it.
  expect((await reader.get(`/articles/${slug}`)).status()).toBe(404);
  for (const path of ["/", "/feed.xml", "/sitemaps/0.xml", `/search?q=${word}`, "/api/v1/content/articles"]) {
    // By its address, not the word: the search page says back what was searched for.
    expect(await (await reader.get(path)).text(), path).not.toContain(slug);
  }
  expect((await reader.get(`/api/v1/content/articles/${slug}`)).status()).toBe(404);
  expect((await reader.get(hero.url)).status()).toBe(404);
  const share = await editor.request.post(`/api/v1/newsroom/articles/${created.id}/previews`, { data: {} });
  expect(share.status()).toBe(409);

  // A partner with a syndication token sees it early, marked embargoed.
  const token = (await (await admin.request.post("/api/v1/newsroom/tokens", { data: { name: `Embargo partner ${Date.now()}`, scope: "syndication" } })).json()).token as string;
  const partner = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  let cursor: string | undefined;
  let seen: { embargoedUntil?: string; pubStatus: string } | undefined;
  for (let page = 0; page < 200 && !seen; page++) {
    const feed = await (await partner.get(`/api/v1/syndication/items${cursor ? `?since=${encodeURIComponent(cursor)}` : ""}`)).json();
    seen = (feed.items as { headlines?: { value: string }[]; embargoedUntil?: string; pubStatus: string }[]).find((item) => item.headlines?.some((headline) => headline.value.includes(word)));
    if (feed.items.length === 0) break;
    cursor = feed.next;
  }
  expect(seen?.pubStatus).toBe("usable");
  expect(new Date(seen!.embargoedUntil!).getTime()).toBe(new Date(stored.embargoUntil).getTime());

  // Lifting it early takes a reason.
  const refused = await editor.request.post(`/api/v1/newsroom/articles/${created.id}/embargo/lift`, { data: {} });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toMatch(/reason/);

  // At the end, the scheduler's next sweep makes it live.
  await expect.poll(async () => (await reader.get(`/articles/${slug}`)).status(), { timeout: 120_000, intervals: [2_000] }).toBe(200);
  expect(Date.now()).toBeGreaterThanOrEqual(new Date(stored.embargoUntil).getTime());
  expect((await reader.get(hero.url)).status()).toBe(200);
});
