import { expect, test } from "@playwright/test";
import { slugify } from "@/lib/slug";
import { ARTICLES } from "@/prisma/seed-data";

const published = ARTICLES.filter((article) => article.state === "PUBLISHED").sort((a, b) => b.hours - a.hours);
const unpublished = ARTICLES.filter((article) => article.state !== "PUBLISHED");
const lead = published[0]!;

test("the home page lists the published stories newest first, and nothing else", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "Copydesk" })).toBeVisible();
  // The seeded stories keep their order among those other specs publish.
  const seeded = new Set(ARTICLES.map((article) => article.headline));
  // Other specs publish stories of their own meanwhile, which can push the oldest seeded ones to later pages.
  const headlines = await page.locator("main h2 a, main h3 a").allTextContents();
  const older = await page.context().newPage();
  for (let number = 2, more = (await page.getByRole("link", { name: "Older stories →" }).count()) > 0; more && number <= 5; number++) {
    await older.goto(`/page/${number}`);
    headlines.push(...(await older.locator("main h2 a, main h3 a").allTextContents()));
    more = (await older.getByRole("link", { name: "Older stories →" }).count()) > 0;
  }
  // A story published between two fetches shifts one onto the next page as well.
  const shown = [...new Set(headlines)].filter((headline) => seeded.has(headline));
  expect(shown).toEqual(published.map((article) => article.headline));
  for (const article of unpublished) {
    await expect(page.getByText(article.headline)).toHaveCount(0);
  }
});

test("a reader opens the lead story and reads it whole", async ({ page }) => {
  // Stories other specs publish meanwhile can push the seeded lead onto a later page of the listing.
  for (let listing = 1; listing <= 3; listing++) {
    await page.goto(listing === 1 ? "/" : `/page/${listing}`);
    if ((await page.getByRole("link", { name: lead.headline }).count()) > 0) break;
  }
  await page.getByRole("link", { name: lead.headline }).click();
  await expect(page).toHaveURL(`/articles/${slugify(lead.headline)}`);
  await expect(page).toHaveTitle(`${lead.headline} · Copydesk`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lead.headline);
  await expect(page.getByText(lead.standfirst)).toBeVisible();
  await expect(page.locator("figcaption")).toHaveText(`${lead.photo.caption} Photo: ${lead.photo.credit}`);
  await expect(page.locator("figcaption .photo-credit")).toHaveText(`Photo: ${lead.photo.credit}`);
  const photo = page.getByRole("img", { name: lead.photo.alt });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.locator("blockquote")).toHaveCount(lead.body.filter((node) => node.type === "blockquote").length);
  await expect(page.locator("article header").getByText(/^By /)).toContainText("By Maya Okafor");
});

for (const article of unpublished) {
  test(`readers cannot open the ${article.state} story "${article.headline}"`, async ({ page }) => {
    const response = await page.goto(`/articles/${slugify(article.headline)}`);
    // Archived stories are withdrawn for good (410); the others simply are not there (404).
    expect(response?.status()).toBe(article.state === "ARCHIVED" ? 410 : 404);
    await expect(page.getByRole("heading", { name: article.state === "ARCHIVED" ? "This article was withdrawn" : "Page not found" })).toBeVisible();
    await expect(page.getByText(article.headline)).toHaveCount(0);
  });
}

test("the health check answers 200 with the database up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const health = await response.json();
  expect(health).toMatchObject({ status: "ok", database: "up", scheduler: { late: false } });
  // The scheduler sweeps every 15 s in the server process.
  expect(Date.now() - Date.parse(health.scheduler.lastRun)).toBeLessThan(60_000);
});
