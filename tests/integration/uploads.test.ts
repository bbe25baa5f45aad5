import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readImageUpload, uploadImage } from "@/lib/articles/upload-image";
import { AppError } from "@/lib/errors";
import { prepareImage, writeImage } from "@/lib/media/image";
import type { StaffViewer } from "@/lib/policy";
import { localStorage, mediaStorage, type MediaStorage } from "@/lib/storage";
import { MAX_IMAGE_MEGAPIXELS, MAX_UPLOAD_BODY_BYTES, MAX_UPLOAD_MB, PROXY_BODY_LIMIT_BYTES } from "@/lib/upload-limits.js";
import { flatPng } from "@/scripts/lib/test-images";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

let database: TestDatabase;
let uploads: string;
let reporter: StaffViewer;

beforeAll(async () => {
  uploads = await mkdtemp(path.join(os.tmpdir(), "copydesk-uploads-"));
  process.env.UPLOADS_DIR = uploads;
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER"));
});
afterAll(() => rm(uploads, { recursive: true, force: true }));

const MB = 1024 * 1024;
const photo = (shade: number, width = 1200, height = 800) =>
  sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: shade, sigma: 40 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
const folderOf = (bytes: Buffer) => `images/${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}`;

/** Every file under a folder, recursively, relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}
const leftovers = async (bytes: Buffer) => ({
  files: await filesUnder(path.join(uploads, folderOf(bytes))),
  folder: (await readdir(path.join(uploads, "images")).catch(() => [] as string[])).includes(folderOf(bytes).slice("images/".length)),
  rows: await database.db.media.count({ where: { storageKey: { startsWith: `${folderOf(bytes)}/` } } }),
});
const nothingLeft = { files: [], folder: false, rows: 0 };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}


describe("a refused upload", () => {
  it("a truncated JPEG is a 400 naming the file, and leaves no file and no row", async () => {
    const whole = await photo(100);
    const truncated = whole.subarray(0, Math.floor(whole.length / 2));
    const error = await refusal(uploadImage(reporter, truncated, "harbour.jpg"));
    expect([error.status, error.details?.field]).toEqual([400, "file"]);
    expect(error.message).toMatch(/^"harbour\.jpg" was not saved: it is cut short or damaged \(.*JPEG.*\)\.$/);
    expect(await leftovers(truncated)).toEqual(nothingLeft);
  });

  it("a decompression bomb is refused from its header, naming the pixel cap", async () => {
    const bomb = flatPng(20_000, 20_000);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await refusal(uploadImage(reporter, bomb, "bomb.png"));
    expect(error.status).toBe(400);
    expect(error.message).toBe(`"bomb.png" was not saved: it is 20000×20000 pixels (400 megapixels); images may be at most ${MAX_IMAGE_MEGAPIXELS} megapixels.`);
    expect(error.details).toMatchObject({ field: "file", maxMegapixels: MAX_IMAGE_MEGAPIXELS });
    expect(await leftovers(bomb)).toEqual(nothingLeft);
  });

  it("an image WebP cannot hold at the served width (1×100000) is a 400, not a server error", async () => {
    const needle = flatPng(1, 100_000);
    const error = await refusal(uploadImage(reporter, needle, "needle.png"));
    expect([error.status, error.message]).toEqual([400, '"needle.png" was not saved: it could not be made into web copies (processed image is too large for the WebP format).']);
    expect(await leftovers(needle)).toEqual(nothingLeft);
  });

  it("a failed database write takes back the files it stored — but never those of the same image stored before", async () => {
    const ghost: StaffViewer = { kind: "staff", id: "no-such-user", role: "REPORTER" };
    const fresh = await photo(140);
    await expect(uploadImage(ghost, fresh, "fresh.jpg")).rejects.toThrow(); // the uploader's row is missing: a foreign-key error
    expect(await leftovers(fresh)).toEqual(nothingLeft);

    const kept = await photo(160);
    const first = await uploadImage(reporter, kept, "kept.jpg");
    const stored = await filesUnder(path.join(uploads, folderOf(kept)));
    expect(stored.toSorted()).toEqual(["480.webp", "960.webp", "original.jpeg"]);
    await database.db.media.delete({ where: { id: first.id } }); // the row goes; the files are the next upload's to reuse
    await expect(uploadImage(ghost, kept, "kept.jpg")).rejects.toThrow();
    expect((await leftovers(kept)).files.toSorted()).toEqual(stored);
  });

  it("a storage that fails part-way keeps nothing, not even a partial file", async () => {
    const bytes = await photo(180);
    const prepared = await prepareImage(bytes);
    const local = localStorage(uploads);
    let puts = 0;
    const failing: MediaStorage = {
      ...local,
      put: async (key, data) => {
        if (++puts === 2) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
        await local.put(key, data);
      },
    };
    await expect(writeImage(failing, prepared)).rejects.toThrow("ENOSPC");
    expect(await leftovers(bytes)).toEqual(nothingLeft);

    // A write that fails at its rename (a folder where the file should go) removes its partial file.
    const key = `${folderOf(bytes)}/original.jpeg`;
    await mkdir(path.join(uploads, key), { recursive: true });
    await expect(local.put(key, bytes)).rejects.toThrow();
    expect(await filesUnder(path.join(uploads, folderOf(bytes)))).toEqual([]);
    await rm(path.join(uploads, folderOf(bytes)), { recursive: true });
  });
});

describe("an accepted upload", () => {
  it("AVIF is taken, as the docs say", async () => {
    const avif = await sharp({ create: { width: 1000, height: 600, channels: 3, background: "#204060" } }).avif({ effort: 0 }).toBuffer();
    const upload = await uploadImage(reporter, avif, "sky.avif");
    const media = await database.db.media.findUniqueOrThrow({ where: { id: upload.id } });
    expect([media.mimeType, media.storageKey.endsWith("/original.avif"), media.widths]).toEqual(["image/avif", true, [480, 960]]);
    expect((await sharp((await mediaStorage().get(`${folderOf(avif)}/960.webp`))!).metadata()).width).toBe(960);
  });
});

describe("the upload body", () => {
  const boundary = "----copydesk-test";
  const multipart = (file: Buffer, name = "photo.jpg") =>
    Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  /** A request whose body arrives in chunks with no Content-Length, as a streaming client (or Next's proxy) hands it on. */
  const streamed = (body: Buffer) =>
    new Request("http://localhost/api/v1/newsroom/media", {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < body.length; at += 64 * 1024) controller.enqueue(body.subarray(at, at + 64 * 1024));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);

  it("takes a file of 11 MB, with its name", async () => {
    const file = Buffer.alloc(11 * MB, 7);
    const { bytes, fileName } = await readImageUpload(streamed(multipart(file, "eleven.jpg")));
    expect([bytes.length, fileName]).toEqual([file.length, "eleven.jpg"]);
  });

  it("refuses a body past the limit with 413 naming it, with or without Content-Length", async () => {
    const over = multipart(Buffer.alloc(16 * MB, 7));
    const declared = new Request("http://localhost/x", { method: "POST", headers: { "content-length": String(over.length) }, body: over });
    for (const request of [declared, streamed(over)]) {
      const error = await refusal(readImageUpload(request));
      expect([error.status, error.message]).toEqual([413, `Images may be at most ${MAX_UPLOAD_MB} MB${request === declared ? "; this one is 16.0 MB" : ""}. Nothing was saved.`]);
    }
  });

  it("refuses a body Next's proxy cut short as too large, never parsing half of it", async () => {
    // The proxy drops the chunk that crosses its limit, so what arrives is up to one chunk shorter than the limit.
    const cut = multipart(Buffer.alloc(20 * MB, 7)).subarray(0, PROXY_BODY_LIMIT_BYTES - 64 * 1024);
    expect(cut.length).toBeGreaterThan(MAX_UPLOAD_BODY_BYTES);
    expect((await refusal(readImageUpload(streamed(cut)))).status).toBe(413);
  });

  it("says what to send when the body is not multipart", async () => {
    const error = await refusal(readImageUpload(new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })));
    expect([error.status, error.message]).toEqual([400, "Send the image as multipart/form-data with a `file` field."]);
  });
});
