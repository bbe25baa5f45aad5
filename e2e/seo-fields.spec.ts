import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { signedInPage } from "./support";

/*
 * Issue #25: search and social fields. An editor types an SEO title and a
 * description in the story editor and picks a share image; once published, a
 * signed-out reader's page carries them in <title>, the meta description,
 * Open Graph, the Twitter card and the JSON-LD. A story without them falls
 * back to its headline, standfirst and hero.
 */

async function photoFile(name: string, fill: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "copydesk-e2e-seo-"));
  const file = path.join(folder, name);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="${fill}"/><circle cx="300" cy="200" r="90" fill="#f4d35e"/></svg>`;
  await writeFile(file, await sharp(Buffer.from(svg)).jpeg().toBuffer());
  return file;
}

const meta = (page: Page, attribute: "name" | "property", key: string) => page.locator(`meta[${attribute}="${key}"]`).first();
const jsonLd = async (page: Page) => JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function signedOutPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/**
 * og:image is the photo's 1200×630 share rendition (a JPEG of its 1.91:1 crop), and JSON-LD lists
 * its 16:9, 4:3 and 1:1 crops, as Google News asks: each fetched, each of its ratio.
 */
async function expectShareImage(reader: Page, ogImage: string, folder: string) {
  expect(ogImage).toMatch(new RegExp(`^https?://[^/]+/media/${escape(folder)}\\d+-\\d+-\\d+-\\d+/share\\.jpg$`));
  await expect(meta(reader, "property", "og:image:width")).toHaveAttribute("content", "1200");
  await expect(meta(reader, "property", "og:image:height")).toHaveAttribute("content", "630");
  const share = await reader.request.get(new URL(ogImage).pathname);
  expect([share.status(), share.headers()["content-type"]]).toEqual([200, "image/jpeg"]);
  const { width, height } = await sharp(await share.body()).metadata();
  expect([width, height]).toEqual([1200, 630]);
  const { image } = (await jsonLd(reader)) as { image: string[] };
  expect(image).toHaveLength(3);
  for (const [url, ratio] of image.map((url, index) => [url, [16 / 9, 4 / 3, 1][index]!] as const)) {
    expect(url).toContain(`/media/${folder}`);
    const crop = await sharp(await (await reader.request.get(new URL(url).pathname)).body()).metadata();
    expect(Math.abs(crop.width! / crop.height! - ratio), url).toBeLessThan(0.02);
  }
}

test("an SEO title, description and social image typed in the editor reach a signed-out reader's page once published", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  await editor.goto("/newsroom/articles/new");
  const stamp = Date.now();
  const headline = `Ferry crossing returns after the winter ${stamp}`;
  const seoTitle = `Ferry returns: what changes for passengers ${stamp}`;
  const description = "Timetables, fares and the new quay, in one place.";

  await editor.getByLabel("Headline", { exact: true }).click();
  await editor.keyboard.type(headline);
  await editor.getByLabel("Standfirst", { exact: true }).click();
  await editor.keyboard.type("The crossing resumes on Friday.");
  await editor.getByRole("textbox", { name: "Body" }).click();
  await editor.keyboard.type("The regional council paid for the repairs.");
  await expect(editor).toHaveURL(/\/newsroom\/articles\/(?!new$)\w+$/);
  const id = editor.url().split("/").at(-1)!;

  const panel = editor.getByRole("group", { name: "Search & social" });
  const preview = panel.getByTestId("search-preview");
  // Before anything is typed the preview spells out the fallbacks.
  await expect(preview).toContainText(`Title: ${headline} (headline)`);
  await expect(preview).toContainText("Description: The crossing resumes on Friday. (standfirst)");
  await expect(preview).toContainText("Image: the newsroom's default picture");

  await panel.getByLabel("SEO title", { exact: true }).click();
  await editor.keyboard.type(seoTitle);
  await panel.getByLabel("Description", { exact: true }).click();
  await editor.keyboard.type(description);
  await panel.getByLabel("Upload a social image").setInputFiles(await photoFile("share.jpg", "#2d6a4f"));
  await expect(panel.getByRole("img", { name: "The chosen social image" })).toBeVisible();
  await expect(preview).toContainText(`Title: ${seoTitle}`);
  await expect(preview).not.toContainText("(headline)");
  await expect(preview).toContainText(`Description: ${description}`);
  await expect(preview).toContainText("Image: the social image");
  await expect(editor.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });

  const stored = await (await editor.request.get(`/api/v1/newsroom/articles/${id}`)).json();
  expect(stored).toMatchObject({ seoTitle, description, socialImage: { mediaId: expect.any(String) } });
  const shareVariant: string = stored.socialImage.url;

  // Unpublished, the share image is nobody's but the newsroom's.
  const outsider = await signedOutPage(browser);
  expect((await outsider.request.get(shareVariant)).status()).toBe(404);

  await editor.getByRole("button", { name: "Publish" }).click();
  await editor.getByRole("button", { name: "Confirm publish" }).click();
  await expect(editor.getByTestId("live-state")).toBeVisible();
  const { slug } = await (await editor.request.get(`/api/v1/newsroom/articles/${id}`)).json();

  const reader = await signedOutPage(browser);
  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(reader).toHaveTitle(new RegExp(`^${escape(seoTitle)}( · .+)?$`));
  await expect(meta(reader, "name", "description")).toHaveAttribute("content", description);
  await expect(meta(reader, "property", "og:title")).toHaveAttribute("content", seoTitle);
  await expect(meta(reader, "property", "og:description")).toHaveAttribute("content", description);
  await expect(meta(reader, "name", "twitter:title")).toHaveAttribute("content", seoTitle);
  await expect(meta(reader, "name", "twitter:description")).toHaveAttribute("content", description);
  await expect(meta(reader, "name", "twitter:card")).toHaveAttribute("content", "summary_large_image");
  const folder = /\/media\/(images\/[a-f0-9]{32}\/)/.exec(shareVariant)![1]!;
  const ogImage = (await meta(reader, "property", "og:image").getAttribute("content"))!;
  await expectShareImage(reader, ogImage, folder);
  await expect(meta(reader, "name", "twitter:image")).toHaveAttribute("content", ogImage);
  expect(await jsonLd(reader)).toMatchObject({ "@type": "NewsArticle", headline: seoTitle, description });
  // Published, the share image is public.
  expect((await outsider.request.get(new URL(ogImage).pathname)).status()).toBe(200);
});

test("a story without search and social fields falls back to its headline, standfirst and hero", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  const upload = await (
    await editor.request.post("/api/v1/newsroom/media", { multipart: { file: { name: "hero.jpg", mimeType: "image/jpeg", buffer: await sharp({ create: { width: 1000, height: 600, channels: 3, background: "#8a4f9b" } }).jpeg().toBuffer() } } })
  ).json();
  const headline = `Quay lights switched on ${Date.now()}`;
  const standfirst = "The harbour's new lamps are lit for the first time.";
  const created = await (
    await editor.request.post("/api/v1/newsroom/articles", { data: { headline, standfirst, hero: { mediaId: upload.id, alt: "The quay at night", caption: "", credit: "" } } })
  ).json();
  const published = await editor.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: created.version } });
  expect(published.status()).toBe(200);
  const { slug } = await published.json();

  const reader = await signedOutPage(browser);
  await reader.goto(`/articles/${slug}`);
  await expect(reader).toHaveTitle(new RegExp(`^${escape(headline)}( · .+)?$`));
  await expect(meta(reader, "name", "description")).toHaveAttribute("content", standfirst);
  await expect(meta(reader, "property", "og:title")).toHaveAttribute("content", headline);
  await expect(meta(reader, "property", "og:description")).toHaveAttribute("content", standfirst);
  const folder = /\/media\/(images\/[a-f0-9]{32}\/)/.exec(upload.url)![1]!;
  const ogImage = (await meta(reader, "property", "og:image").getAttribute("content"))!;
  await expectShareImage(reader, ogImage, folder);
  await expect(meta(reader, "property", "og:image:alt")).toHaveAttribute("content", "The quay at night");
  await expect(meta(reader, "name", "twitter:image")).toHaveAttribute("content", ogImage);
  expect(await jsonLd(reader)).toMatchObject({ headline, description: standfirst });
});

test("a photo already uploaded is chosen as the social image from the editor's list of uploads, and saved", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  const upload = await (
    await editor.request.post("/api/v1/newsroom/media", { multipart: { file: { name: "quay.jpg", mimeType: "image/jpeg", buffer: await sharp({ create: { width: 1200, height: 630, channels: 3, background: "#4f8a9b" } }).jpeg().toBuffer() } } })
  ).json();
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Quay reopens ${Date.now()}`, standfirst: "After the repairs." } })).json();
  await editor.goto(`/newsroom/articles/${created.id}`);

  const panel = editor.getByRole("group", { name: "Search & social" });
  await panel.getByRole("button", { name: "Choose an uploaded image" }).click();
  const folder = /\/media\/(images\/[a-f0-9]{32}\/)/.exec(upload.url)![1]!;
  // Other specs upload at the same time: the photo is found by its address, not its place in the list.
  await panel.getByRole("list", { name: "Recent uploads" }).locator(`button:has(img[src*="${folder}"])`).click();
  await expect(panel.getByRole("img", { name: "The chosen social image" })).toHaveAttribute("src", new RegExp(escape(folder)));
  await expect(panel.getByTestId("search-preview")).toContainText("Image: the social image");
  await expect(editor.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });
  expect(await (await editor.request.get(`/api/v1/newsroom/articles/${created.id}`)).json()).toMatchObject({ socialImage: { mediaId: upload.id } });
});
