import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { signedInPage } from "./support";

test("uploads are private until their story is live, never served as originals, and served without their metadata", async ({ browser, playwright, baseURL }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const editor = await signedInPage(browser, "editor@example.com");
  const reader = await playwright.request.newContext({ baseURL });
  const photo = await sharp({ create: { width: 1000, height: 700, channels: 3, background: { r: 30, g: 120, b: Date.now() % 255 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: "A confidential source" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 19/1 45/1", GPSLongitudeRef: "E", GPSLongitude: "18/1 4/1 7/1" } })
    .toBuffer();
  const uploaded = await (await reporter.request.post("/api/v1/newsroom/media", { multipart: { file: { name: "source.jpg", mimeType: "image/jpeg", buffer: photo } } })).json();
  const folder = uploaded.url.slice(0, uploaded.url.lastIndexOf("/"));

  // Signed out: neither the unpublished image nor any original exists; staff see the image.
  for (const url of [uploaded.url, `${folder}/original.jpeg`]) expect((await reader.get(url)).status(), url).toBe(404);
  const staffCopy = await reporter.request.get(uploaded.url);
  expect(staffCopy.status()).toBe(200);
  expect(staffCopy.headers()["cache-control"]).toBe("private, no-store");
  expect((await reporter.request.get(`${folder}/original.jpeg`)).status()).toBe(404);

  // In a live story it is public, and what anyone gets has no EXIF, XMP or IPTC.
  const story = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Photo desk test ${Date.now()}`, hero: { mediaId: uploaded.id, alt: "A street", caption: "", credit: "" } } })).json();
  expect((await editor.request.post(`/api/v1/newsroom/articles/${story.id}/transitions`, { data: { action: "publish", version: story.version } })).ok()).toBe(true);
  const served = await reader.get(uploaded.url);
  expect(served.status()).toBe(200);
  expect(served.headers()["cache-control"]).toBe("public, max-age=300");
  const metadata = await sharp(await served.body()).metadata();
  expect([metadata.format, metadata.exif, metadata.xmp, metadata.iptc]).toEqual(["webp", undefined, undefined, undefined]);
  expect((await reader.get(`${folder}/original.jpeg`)).status()).toBe(404);
});
