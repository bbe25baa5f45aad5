import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { signedInPage } from "./support";

/*
 * Issue #26: photos that serve readers. Renditions made once per address
 * (and made-up addresses refused), the focal point set in the editor by
 * click and by keyboard, captions a reader can tell from copy, cards of a
 * story with only body photos, and the default share image for a story
 * without any. Requests here go straight to the app (baseURL), so
 * `X-Rendition` is the app's own answer, not a cached one.
 */

const signedOutPage = async (browser: Browser): Promise<Page> => (await browser.newContext()).newPage();

/** A portrait JPEG with a yellow subject near the top, like a phone photo of a person. */
const portrait = () =>
  sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="900" height="1400"><rect width="900" height="1400" fill="#4a6670"/><circle cx="450" cy="160" r="110" fill="#f4d35e"/></svg>`))
    .jpeg()
    .toBuffer();

async function upload(page: Page, name: string, bytes: Buffer): Promise<{ id: string; url: string; width: number; height: number }> {
  const response = await page.request.post("/api/v1/newsroom/media", { multipart: { file: { name, mimeType: "image/jpeg", buffer: bytes } } });
  expect(response.status()).toBe(201);
  return response.json();
}

async function publish(page: Page, data: Record<string, unknown>): Promise<string> {
  const created = await (await page.request.post("/api/v1/newsroom/articles", { data })).json();
  const published = await page.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: created.version } });
  expect(published.status()).toBe(200);
  return (await published.json()).slug;
}

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

test("a rendition is made on its first request and read back after; addresses no page names are 404 and make nothing", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  const photo = await upload(editor, "portrait.jpg", await portrait());
  const slug = await publish(editor, { headline: `Renditions ${Date.now()}`, standfirst: "A portrait.", hero: { mediaId: photo.id, alt: "A portrait", caption: "", credit: "", focus: { x: 0.5, y: 0.11 } } });

  const reader = await signedOutPage(browser);
  await reader.goto(`/articles/${slug}`);
  const avif = await reader.locator('main picture source[type="image/avif"]').first().getAttribute("srcset");
  const candidates = avif!.split(", ").map((entry) => entry.split(" ")[0]!);
  expect(candidates.every((url) => /\.avif$/.test(url))).toBe(true);
  const address = candidates.find((url) => url.endsWith("/640.avif"))!;
  const first = await reader.request.get(address);
  expect([first.status(), first.headers()["content-type"]]).toEqual([200, "image/avif"]);
  // The browser may have asked for it already while the page loaded; either way the next answer is read back.
  const again = await reader.request.get(address);
  expect([again.status(), again.headers()["x-rendition"]]).toEqual([200, "stored"]);
  expect((await again.body()).equals(await first.body())).toBe(true);

  const folder = /\/media\/images\/[a-f0-9]{32}\//.exec(address)![0];
  for (const madeUp of [`${folder}641.avif`, `${folder}1-1-500-500/320.webp`, `${folder}original.jpeg`, `${folder}4000.webp`, `${folder}640.png`]) {
    const response = await reader.request.get(madeUp);
    expect(response.status(), madeUp).toBe(404);
    expect(response.headers()["x-rendition"], madeUp).toBeUndefined();
  }
});

test("the focal point is set on the hero by a click and by the arrow keys; the crops follow it, side by side", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  const photo = await upload(editor, "portrait.jpg", await portrait());
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Focal point ${Date.now()}`, hero: { mediaId: photo.id, alt: "A portrait", caption: "", credit: "" } } })).json();
  await editor.goto(`/newsroom/articles/${created.id}`);

  const point = editor.getByRole("button", { name: /^Focal point: 50% across, 50% down$/ });
  await expect(point).toBeVisible();
  await expect(editor.getByRole("list", { name: "Crops" }).getByRole("listitem")).toHaveCount(4);
  // Click where the subject is: near the top, in the middle.
  const box = (await point.boundingBox())!;
  await editor.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.12);
  await expect(editor.getByRole("button", { name: /^Focal point: 50% across, 12% down$/ })).toBeVisible();
  // The keyboard moves it too: 2 % a press.
  await editor.getByRole("button", { name: /^Focal point:/ }).press("ArrowDown");
  await expect(editor.getByRole("button", { name: /^Focal point: 50% across, 14% down$/ })).toBeVisible();
  // The 16:9 crop now sits at the top of the portrait, with the subject in it.
  await expect(editor.locator('[data-crop="16:9"]')).toHaveAttribute("aria-label", /from 0,0\b/);
  await expect(editor.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });

  const saved = await (await editor.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  expect(saved.heroImage.framing.focus.x).toBeCloseTo(0.5, 1);
  expect(saved.heroImage.framing.focus.y).toBeCloseTo(0.14, 1);
});

test("a body photo's caption reads as a caption: smaller than the copy, the credit its own element, space below the figure", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  const photo = await upload(editor, "portrait.jpg", await portrait());
  const body = {
    type: "doc",
    content: [
      paragraph("The ferry came in at dawn."),
      { type: "figure", attrs: { src: photo.url, alt: "The ferry at the quay", caption: "The ferry at the quay.", credit: "Jo Lindqvist", focusX: 0.5, focusY: 0.11 } },
      paragraph("Passengers waited an hour."),
    ],
  };
  const headline = `Only body photos ${Date.now()}`;
  const slug = await publish(editor, { headline, standfirst: "No hero, one photo in the copy.", body });

  const reader = await signedOutPage(browser);
  await reader.goto(`/articles/${slug}`);
  const figure = reader.locator(".article-body figure");
  await expect(figure.locator("img")).toHaveAttribute("width", "900");
  const style = await figure.evaluate((element) => {
    const size = (selector: string) => parseFloat(getComputedStyle(element.parentElement!.querySelector(selector)!).fontSize);
    return { caption: size("figcaption"), paragraph: size("p"), below: parseFloat(getComputedStyle(element).marginBottom), colour: getComputedStyle(element.querySelector("figcaption")!).color, text: getComputedStyle(element.parentElement!.querySelector("p")!).color };
  });
  expect(style.caption).toBeLessThan(style.paragraph);
  expect(style.below).toBeGreaterThanOrEqual(16);
  expect(style.colour).not.toBe(style.text);
  await expect(figure.locator("figcaption .photo-credit")).toHaveText("Photo: Jo Lindqvist");
  await expect(figure.locator("figcaption")).toHaveText("The ferry at the quay. Photo: Jo Lindqvist");

  // The front page's card of this story, which has no hero, shows its body photo cropped to the card.
  await reader.goto("/");
  const card = reader.locator("article").filter({ has: reader.getByRole("link", { name: headline }) });
  const cardImage = card.locator("img");
  await expect(cardImage).toHaveCount(1);
  expect(await cardImage.getAttribute("src")).toMatch(/\/media\/images\/[a-f0-9]{32}\/\d+-\d+-\d+-\d+\/\d+\.webp$/);
  await expect(cardImage).toHaveJSProperty("complete", true);
  expect(await cardImage.evaluate((image: HTMLImageElement) => image.naturalWidth > 0)).toBe(true);
});

test("a story without any photo shares the newsroom's default image", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  const slug = await publish(editor, { headline: `No photo at all ${Date.now()}`, standfirst: "Words only.", body: { type: "doc", content: [paragraph("Words only.")] } });
  const reader = await signedOutPage(browser);
  await reader.goto(`/articles/${slug}`);
  const ogImage = await reader.locator('meta[property="og:image"]').first().getAttribute("content");
  expect(ogImage).toMatch(/^https?:\/\/[^/]+\/share-default\.png$/);
  await expect(reader.locator('meta[name="twitter:image"]').first()).toHaveAttribute("content", ogImage!);
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd.image).toEqual([ogImage]);
  const picture = await reader.request.get(new URL(ogImage!).pathname);
  expect(picture.status()).toBe(200);
  const { width, height } = await sharp(await picture.body()).metadata();
  expect([width, height]).toEqual([1200, 630]);
});
