import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import sharp from "sharp";
import { MAX_IMAGE_MEGAPIXELS, MAX_UPLOAD_MB } from "@/lib/upload-limits.js";
import { flatPng } from "@/scripts/lib/test-images";
import { E2E_DATABASE_FILE, E2E_UPLOADS_FILE } from "@/scripts/lib/test-postgres";
import { signedInPage } from "./support";

/**
 * The upload limits over real HTTP, on the production server with proxy.ts in front of the
 * route: that proxy buffers request bodies and cut them at 10 MB, which no in-process test sees.
 */

const MB = 1024 * 1024;

/** A photo-like PNG that cannot be compressed: `megabytes` of random pixels that decode to a few megapixels. */
const noisePng = (megabytes: number) => {
  const width = 2000;
  const height = Math.ceil((megabytes * MB) / (width * 3));
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
};


const upload = (page: Page, name: string, buffer: Buffer) =>
  page.request.post("/api/v1/newsroom/media", { multipart: { file: { name, mimeType: "application/octet-stream", buffer } }, timeout: 60_000 });

/** Where an upload of these bytes would be stored (lib/media/image.ts keys by content hash). */
const folderOf = (bytes: Buffer) => `images/${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}`;

async function leftovers(bytes: Buffer): Promise<{ files: string[]; rows: number }> {
  const uploads = (await readFile(E2E_UPLOADS_FILE, "utf8")).trim();
  const folder = folderOf(bytes);
  const files = await readdir(path.join(uploads, folder)).catch(() => [] as string[]);
  const client = new pg.Client({ connectionString: (await readFile(E2E_DATABASE_FILE, "utf8")).trim() });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Media" WHERE "storageKey" LIKE $1`, [`${folder}/%`]);
    return { files, rows: rows[0].n as number };
  } finally {
    await client.end();
  }
}

test("an 11 MB photo is taken; over the limit is a 413 naming it, even when the body has no length", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const reporter = await signedInPage(browser, "reporter@example.com");

  const eleven = await noisePng(11);
  expect(eleven.length).toBeGreaterThan(11 * MB);
  const accepted = await upload(reporter, "eleven.png", eleven);
  expect(accepted.status(), await accepted.text()).toBe(201);
  expect(await accepted.json()).toMatchObject({ width: 2000, url: expect.stringMatching(/^\/media\/images\/[a-f0-9]{32}\/960\.webp$/) });

  const sixteen = await noisePng(16);
  const refused = await upload(reporter, "sixteen.png", sixteen);
  expect(refused.status()).toBe(413);
  expect((await refused.json()).error).toMatchObject({ code: "too_large", field: "file", message: expect.stringContaining(`at most ${MAX_UPLOAD_MB} MB`) });
  expect(await leftovers(sixteen)).toEqual({ files: [], rows: 0 });

  // Sent in chunks without Content-Length, the body reaches the route only as far as Next's proxy kept it:
  // that must still be a 413 naming the limit, not half a file read as "not multipart".
  const cookie = (await reporter.context().cookies()).map((each) => `${each.name}=${each.value}`).join("; ");
  const boundary = "----uploads-limits";
  // 20 MB: past what the proxy keeps (PROXY_BODY_LIMIT_BYTES), so the route gets a body cut short.
  const twenty = Buffer.concat([sixteen, randomBytes(4 * MB)]);
  const parts = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="chunked.png"\r\nContent-Type: image/png\r\n\r\n`), twenty, Buffer.from(`\r\n--${boundary}--\r\n`)];
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) for (let at = 0; at < part.length; at += 256 * 1024) controller.enqueue(part.subarray(at, at + 256 * 1024));
      controller.close();
    },
  });
  const chunked = await fetch(`${baseURL}/api/v1/newsroom/media`, {
    method: "POST",
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: "half",
  } as RequestInit);
  expect(chunked.status).toBe(413);
  expect(((await chunked.json()) as { error: { message: string } }).error.message).toContain(`at most ${MAX_UPLOAD_MB} MB`);
});

test("a damaged image and a decompression bomb are 400s naming the problem, and leave nothing behind", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");

  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 50 } } }).jpeg({ quality: 90 }).toBuffer();
  const truncated = photo.subarray(0, Math.floor(photo.length / 2));
  const damaged = await upload(reporter, "harbour-cut.jpg", truncated);
  expect(damaged.status()).toBe(400);
  expect((await damaged.json()).error).toMatchObject({ code: "validation", field: "file", message: expect.stringMatching(/^"harbour-cut\.jpg" was not saved: it is cut short or damaged/) });
  expect(await leftovers(truncated)).toEqual({ files: [], rows: 0 });

  // 20000×20000 pixels of one colour: about 50 KB that would decode to 400 megapixels. Refused from its header.
  const bomb = flatPng(20_000, 20_000);
  expect(bomb.length).toBeLessThan(512 * 1024);
  const started = Date.now();
  const refused = await upload(reporter, "bomb.png", bomb);
  test.info().annotations.push({ type: "bomb answered in", description: `${Date.now() - started} ms` });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error).toMatchObject({
    field: "file",
    maxMegapixels: MAX_IMAGE_MEGAPIXELS,
    message: `"bomb.png" was not saved: it is 20000×20000 pixels (400 megapixels); images may be at most ${MAX_IMAGE_MEGAPIXELS} megapixels.`,
  });
  expect(await leftovers(bomb)).toEqual({ files: [], rows: 0 });
});

test("the editor tells the limit and refuses a file over it before sending it", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  await reporter.goto("/newsroom/articles/new");
  await expect(reporter.getByText(`at most ${MAX_UPLOAD_MB} MB and ${MAX_IMAGE_MEGAPIXELS} megapixels`).first()).toBeVisible();
  const sent: string[] = [];
  reporter.on("request", (request) => request.url().includes("/api/v1/newsroom/media") && sent.push(request.url()));
  await reporter.getByLabel("Upload image").setInputFiles({ name: "too-big.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(MAX_UPLOAD_MB * MB + 1) });
  await expect(reporter.getByRole("alert").filter({ hasText: "Images may be at most" })).toHaveText(`Images may be at most ${MAX_UPLOAD_MB} MB; "too-big.jpg" is 15.0 MB. Nothing was sent.`);
  expect(sent).toEqual([]);
});
