import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { slugify } from "@/lib/slug";
import { ARTICLES } from "@/prisma/seed-data";
import { E2E_DATABASE_FILE } from "@/scripts/lib/test-postgres";
import { signIn } from "./support";

const seededPublished = ARTICLES.filter((article) => article.state === "PUBLISHED").sort((a, b) => b.hours - a.hours);
const delta = seededPublished.find((article) => article.headline.startsWith("Delta nations"))!;
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

test("sections, tags, authors, search, feeds and sitemaps render from the database", async ({ page, request }) => {
  await page.goto("/sections/world");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("World");
  await expect(page.getByRole("link", { name: delta.headline })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ferry operator withdraws winter timetable after complaints" })).toHaveCount(0);

  await page.goto("/tags/water");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Water");
  await expect(page.getByRole("link", { name: delta.headline })).toBeVisible();

  await page.goto(`/articles/${slugify(delta.headline)}`);
  await page.locator("article header").getByRole("link", { name: "Maya Okafor" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Maya Okafor");
  await expect(page.getByRole("link", { name: delta.headline })).toBeVisible();
  await expect(page.getByRole("link", { name: "Jazz festival adds a free stage in the old tram depot" })).toHaveCount(0);

  await page.goto("/search?q=gauging+stations");
  await expect(page.getByRole("link", { name: delta.headline })).toBeVisible();
  await expect(page.locator("mark").first()).toHaveText("gauging");
  for (const q of ["", "'\"&|!:*()", "tram depot"]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
  }
  await expect(page.getByText("No stories match")).toBeVisible();

  const feed = await (await request.get("/feed.xml")).text();
  expect(feed).toContain(`<title>${delta.headline}</title>`);
  expect(feed).not.toContain("Jazz festival");
  const sectionFeed = await (await request.get("/sections/world/feed.xml")).text();
  expect(sectionFeed).toContain(delta.headline);
  expect(sectionFeed).not.toContain("City council approves");
  expect(await (await request.get("/sitemap.xml")).text()).toContain("/sitemaps/0.xml");
  const sitemap = await (await request.get("/sitemaps/0.xml")).text();
  expect(sitemap).toContain(`/articles/${slugify(delta.headline)}</loc>`);
  expect(sitemap).not.toContain(slugify("Ferry operator withdraws winter timetable after complaints"));
  expect(await (await request.get("/news-sitemap.xml")).text()).toContain("<news:title>");
  expect(await (await request.get("/robots.txt")).text()).toContain("Disallow: /newsroom");
});

test("reader pages are HTML and CSS: no app runtime, only a story's own small script, and links load whole pages", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  for (const path of ["/", "/sections/world", "/tags/water", "/search?q=water"]) {
    const response = await page.goto(path);
    expect(await response!.text(), path).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  }
  expect(scripts).toEqual([]);

  await page.goto("/sections/world");
  await page.getByRole("link", { name: delta.headline }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(delta.headline);
  expect(scripts).toEqual(["/reader/article.js"]);
  const html = await (await page.request.get(`/articles/${slugify(delta.headline)}`)).text();
  expect(html).toContain('<script type="application/ld+json">');
  expect(html).not.toContain("__next_f");

  // Next draws a page's notFound() in the browser (vercel/next.js#62228); without its runtime the edge sends the rendered page.
  for (const path of ["/articles/no-such-story", "/sections/no-such-section", "/tags/no-such-tag/2", "/page/999", "/does-not-exist"]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Page not found");
    await expect(page.getByRole("link", { name: "Go to the front page" }), path).toBeVisible();
  }
});

test("an editor's View on site opens the story as readers get it, with the Edit link back", async ({ browser }) => {
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editor@example.com");
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Harbour crane restored ${Date.now()}`, body: doc("Text.") } })).json();
  await editor.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: created.version } });
  await editor.goto(`/newsroom/articles/${created.id}`);
  await editor.getByRole("link", { name: "View on site" }).click();
  await expect(editor).toHaveURL(new RegExp(`/articles/${created.slug}$`));
  await expect(editor.getByRole("link", { name: "Edit" })).toHaveAttribute("href", `/newsroom/articles/${created.id}`);
});

test("an article page carries canonical, OpenGraph, Twitter and NewsArticle data", async ({ page }) => {
  await page.goto(`/articles/${slugify(delta.headline)}`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/articles/${slugify(delta.headline)}$`));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", delta.headline);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ "@type": "NewsArticle", headline: delta.headline, author: [{ name: "Maya Okafor" }] });
});

test("previous and next links walk the published articles in order", async ({ page }) => {
  const oldest = seededPublished.at(-1)!;
  await page.goto(`/articles/${slugify(oldest.headline)}`);
  const walked: string[] = [];
  for (let step = 0; step < 40; step++) {
    walked.push((await page.getByRole("heading", { level: 1 }).textContent())!);
    const next = page.getByRole("link", { name: /Next article/ });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(walked.at(-1)!);
  }
  const seeded = new Set(seededPublished.map((article) => article.headline));
  expect(walked.filter((headline) => seeded.has(headline))).toEqual([...seededPublished].reverse().map((article) => article.headline));
});

test("a renamed story's old address redirects (308), and staff see an Edit link readers do not", async ({ page, request, browser }) => {
  await signIn(page, "editor@example.com");
  const headline = `Old bridge reopens to cyclists ${Date.now()}`;
  const created = await (await page.request.post("/api/v1/newsroom/articles", { data: { headline, body: doc("Text.") } })).json();
  const base = `/api/v1/newsroom/articles/${created.id}`;
  const published = await (await page.request.post(`${base}/transitions`, { data: { action: "publish", version: created.version } })).json();
  const renamed = await (await page.request.patch(base, { data: { version: published.version, slug: `${created.slug}-renamed` } })).json();
  // A rename is an edit of the working copy: readers keep the old address until it is published.
  expect((await request.get(`/articles/${created.slug}`, { maxRedirects: 0 })).status()).toBe(200);
  expect((await page.request.post(`${base}/transitions`, { data: { action: "publish_changes", version: renamed.version } })).ok()).toBe(true);
  const old = await request.get(`/articles/${created.slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  const locations = old.headersArray().filter((header) => header.name.toLowerCase() === "location").map((header) => header.value);
  expect(new Set(locations)).toEqual(new Set([`/articles/${created.slug}-renamed`]));

  await page.goto(`/articles/${created.slug}-renamed`);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveAttribute("href", `/newsroom/articles/${created.id}`);
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${created.slug}-renamed`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(reader.getByRole("link", { name: "Edit" })).toHaveCount(0);
});

test("an editor's correction shows on the article at once", async ({ page }) => {
  await signIn(page, "editor@example.com");
  const created = await (await page.request.post("/api/v1/newsroom/articles", { data: { headline: `Budget vote delayed ${Date.now()}`, body: doc("Text.") } })).json();
  await page.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: created.version } });
  await page.goto(`/articles/${created.slug}`);
  await expect(page.getByRole("heading", { name: /Corrections/ })).toHaveCount(0);
  await page.goto(`/newsroom/articles/${created.id}`);
  await page.getByLabel("Correction note").fill("An earlier version gave the wrong date for the vote.");
  await page.getByRole("button", { name: "Add correction" }).click();
  await expect(page.getByText("Correction added; readers see it now.")).toBeVisible();
  await page.goto(`/articles/${created.slug}`);
  await expect(page.getByRole("complementary", { name: "Correction" })).toContainText("wrong date for the vote");
});

test("a hostile stored body renders inert", async ({ page }) => {
  const client = new pg.Client({ connectionString: (await readFile(E2E_DATABASE_FILE, "utf8")).trim() });
  await client.connect();
  const slug = `hostile-${Date.now()}`;
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">" }] },
      { type: "paragraph", content: [{ type: "text", text: "click me", marks: [{ type: "link", attrs: { href: "javascript:window.__pwned = 3" } }] }] },
      { type: "iframe", attrs: { src: "https://evil.example" } },
      { type: "script", content: [{ type: "text", text: "window.__pwned = 4" }] },
      { type: "paragraph", attrs: { onclick: "window.__pwned = 5" }, content: [{ type: "text", text: "still readable" }] },
      { type: "figure", attrs: { src: "x", alt: "", caption: "", credit: "", onerror: "window.__pwned = 6" } },
    ],
  };
  try {
    const { rows } = await client.query(`SELECT id FROM "User" WHERE email = 'editor@example.com'`);
    const id = `hostile${Date.now()}`;
    await client.query(
      `INSERT INTO "Article" (id, slug, headline, body, "authorId", "publishedAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, now(), now())`,
      [id, slug, "A hostile body", JSON.stringify(body), rows[0].id],
    );
    await client.query(
      `INSERT INTO "Revision" (id, "articleId", "authorId", version, headline, standfirst, body, slug, "tagSlugs") VALUES ($1, $1, $2, 1, 'A hostile body', '', $3, $4, '{}')`,
      [id, rows[0].id, JSON.stringify(body), slug],
    );
    await client.query(`UPDATE "Article" SET status = 'PUBLISHED', "liveRevisionId" = $1, "liveSince" = now() WHERE id = $1`, [id]);
  } finally {
    await client.end();
  }
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(`/articles/${slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("still readable")).toBeVisible();
  await page.getByText("click me").click().catch(() => {});
  const article = page.locator("article .article-body");
  expect(await article.locator("script, iframe, [onerror], [onclick]").count()).toBe(0);
  for (const href of await article.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))) {
    expect(href.toLowerCase()).not.toContain("javascript:");
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

test("home and article pages pass axe with no serious violations", async ({ page }) => {
  await page.goto("/");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`/articles/${slugify(delta.headline)}`);
  expect(await seriousViolations(page)).toEqual([]);
});

test("the content API serves published content with ETag and CORS", async ({ request }) => {
  const list = await request.get("/api/v1/content/articles?section=world");
  expect(list.status()).toBe(200);
  expect(list.headers()["access-control-allow-origin"]).toBe("*");
  const { articles } = await list.json();
  expect(articles.map((a: { headline: string }) => a.headline)).toContain(delta.headline);
  expect(articles.every((a: { section: { slug: string } }) => a.section.slug === "world")).toBe(true);
  // A cursor names a place in the list; one the API never gave is refused, not read as the first page.
  const garbage = await request.get("/api/v1/content/articles?cursor=not-a-cursor");
  expect(garbage.status()).toBe(400);
  expect((await garbage.json()).error.message).toMatch(/^cursor: not one this API gave/);
  const from = Buffer.from(`${articles[0].publishedAt}|${articles[0].id}`).toString("base64url");
  const after = await (await request.get(`/api/v1/content/articles?section=world&cursor=${from}`)).json();
  expect(after.articles.map((a: { id: string }) => a.id)).toEqual(articles.slice(1).map((a: { id: string }) => a.id));

  const one = await request.get(`/api/v1/content/articles/${slugify(delta.headline)}`);
  const etag = one.headers()["etag"]!;
  expect((await one.json()).body.type).toBe("doc");
  expect((await request.get(`/api/v1/content/articles/${slugify(delta.headline)}`, { headers: { "If-None-Match": etag } })).status()).toBe(304);
  expect((await request.get(`/api/v1/content/articles/${slugify("Jazz festival adds a free stage in the old tram depot")}`)).status()).toBe(404);
  expect((await request.get(`/api/v1/content/articles/${slugify("Ferry operator withdraws winter timetable after complaints")}`)).status()).toBe(410);
});
