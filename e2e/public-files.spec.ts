import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

test("/favicon.ico is a real icon, in the sizes browsers and feed readers ask for", async ({ page, request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  const ico = await response.body();
  expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
  const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i]);
  expect(sizes).toEqual(expect.arrayContaining([16, 32, 48]));
  // And the browser can draw it.
  await page.goto("/search");
  const width = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const image = new Image();
        image.onload = () => resolve(image.naturalWidth);
        image.onerror = () => resolve(0);
        image.src = "/favicon.ico";
      }),
  );
  expect(width).toBeGreaterThan(0);
});

test("every page links a web manifest that names the site and its icons, and the icons are there", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/site.webmanifest");
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  const manifest = JSON.parse(await response.text()) as { name: string; start_url: string; icons: { src: string; sizes: string; type: string }[] };
  expect(manifest.name).toBeTruthy();
  expect(manifest.start_url).toBe("/");
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]).toContain(icon.type === "image/x-icon" ? "icon" : icon.type);
  }
});

test("a story without a photo of its own is shared with the newsroom's default picture; a listing too", async ({ browser, request }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const editor = await signedInPage(browser, "editor@example.com");
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Ferry timetable changes ${Date.now()}` } })).json();
  expect((await editor.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: created.version } })).status()).toBe(200);
  const story = await (await editor.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();

  for (const path of [`/articles/${story.slug}`, "/search"]) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(path);
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(image, path).toMatch(/^https?:\/\/[^/]+\/share-default\.png$/);
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
    await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute("content", "630");
    const file = await request.get(new URL(image!).pathname);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("image/png");
    await page.close();
  }
});

test("an archived story readers never had is 404 on the page and on the content API alike", async ({ browser, request }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Never published ${Date.now()}` } })).json();
  expect((await editor.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "archive" } })).status()).toBe(200);
  const { slug } = await (await editor.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
  const api = await request.get(`/api/v1/content/articles/${slug}`);
  expect(api.status()).toBe(404);
  expect((await api.json()).error.code).toBe("not_found");
});
