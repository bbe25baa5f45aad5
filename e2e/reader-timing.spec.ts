import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./support";

/*
 * One-second promises to readers. Timed, so this file runs alone after the
 * others (playwright.config.ts): with sign-ins hashing passwords on both
 * cores, a cold render can miss a one-second budget for reasons that are
 * not the app's.
 */
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function everywhere(request: APIRequestContext, slug: string, headline: string) {
  const [article, home, feed, sitemap, search, api] = await Promise.all([
    request.get(`/articles/${slug}`),
    request.get("/"),
    request.get("/feed.xml"),
    request.get("/sitemaps/0.xml"),
    request.get(`/search?q=${encodeURIComponent(headline)}`),
    request.get(`/api/v1/content/articles/${slug}`),
  ]);
  return {
    article: article.status(),
    home: (await home.text()).includes(headline),
    feed: (await feed.text()).includes(headline),
    sitemap: (await sitemap.text()).includes(`/articles/${slug}<`),
    search: (await search.text()).includes(`href="/articles/${slug}"`),
    api: api.status(),
  };
}

test("an unpublished article disappears from every reader surface within a second", async ({ page, request }) => {
  await signIn(page, "editor@example.com");
  const headline = `Lighthouse keeper retires after forty years ${Date.now()}`;
  const created = await (await page.request.post("/api/v1/newsroom/articles", { data: { headline, body: doc("The lamp burns on without him.") } })).json();
  const moves = `/api/v1/newsroom/articles/${created.id}/transitions`;
  expect((await page.request.post(moves, { data: { action: "publish", version: created.version } })).ok()).toBe(true);
  await expect(async () => expect(await everywhere(request, created.slug, headline)).toEqual({ article: 200, home: true, feed: true, sitemap: true, search: true, api: 200 })).toPass({ timeout: 1_000 });

  const unpublished = await page.request.post(moves, { data: { action: "unpublish", note: "Published by mistake." } });
  expect(unpublished.ok()).toBe(true);
  await expect(async () => expect(await everywhere(request, created.slug, headline)).toEqual({ article: 404, home: false, feed: false, sitemap: false, search: false, api: 404 })).toPass({ timeout: 1_000 });
});

