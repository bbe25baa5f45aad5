import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

/*
 * Issue #25, item 4, on the production build over real HTTP: an admin makes a syndication token on the
 * settings page; with it a partner pages the feed and finds a story an editor just published, as ninjs 3.0;
 * the token opens nothing else, and no other token opens the feed.
 */
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

test("a partner's syndication token reads the feed of changes, and only that", async ({ browser, playwright, baseURL }) => {
  const admin = await signedInPage(browser, "admin@example.com");
  await admin.goto("/newsroom/settings");
  const form = admin.getByRole("form", { name: "New API token" });
  const name = `Partner ${Date.now()}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Scope").selectOption("SYNDICATION");
  await expect(form.getByLabel("Scope")).toHaveAccessibleDescription(/reads only GET \/api\/v1\/syndication\/items/);
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(admin.getByRole("status")).toContainText(`Token for ${name}`);
  const token = (await admin.getByTestId("new-token").textContent())!;
  await expect(admin.getByRole("list", { name: "API tokens" }).getByRole("listitem").filter({ hasText: name })).toContainText("syndication");

  const partner = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const none = await playwright.request.newContext({ baseURL });
  try {
    // Where the feed stands now: page to its end.
    let cursor: string | null = null;
    for (;;) {
      const response = await partner.get(`/api/v1/syndication/items${cursor ? `?since=${encodeURIComponent(cursor)}` : ""}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["cache-control"]).toContain("no-store");
      const page = (await response.json()) as { items: unknown[]; next: string };
      if (page.items.length === 0) {
        cursor = page.next;
        break;
      }
      cursor = page.next;
    }

    const editor = await signedInPage(browser, "editor@example.com");
    const headline = `Syndicated story ${Date.now()}`;
    const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline, standfirst: "For partners.", body: doc("Text for partners.") } })).json();
    expect((await editor.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: created.version } })).ok()).toBe(true);

    const after = await partner.get(`/api/v1/syndication/items?since=${encodeURIComponent(cursor)}`);
    expect(after.status()).toBe(200);
    const { items } = (await after.json()) as { items: { uri: string; pubStatus: string; headlines: { value: string }[]; bodies: { value: string }[] }[] };
    const item = items.find((each) => each.uri === `urn:copydesk:article:${created.id}`);
    expect(item).toMatchObject({ pubStatus: "usable", headlines: [{ value: headline }], bodies: [{ value: "<p>Text for partners.</p>" }] });

    // A cursor that is not ours; the staff API with the partner's token; the feed with no token or another scope.
    expect((await partner.get("/api/v1/syndication/items?since=sc1_1_AAAAAAAAAAAAAAAAAAAAAA")).status()).toBe(400);
    expect((await partner.get("/api/v1/newsroom/articles")).status()).toBe(403);
    expect((await none.get("/api/v1/syndication/items")).status()).toBe(401);
    const readToken = (await (await admin.request.post("/api/v1/newsroom/tokens", { data: { name: `Reader ${Date.now()}`, scope: "READ" } })).json()).token as string;
    expect((await none.get("/api/v1/syndication/items", { headers: { authorization: `Bearer ${readToken}` } })).status()).toBe(403);
  } finally {
    await partner.dispose();
    await none.dispose();
  }
});
