import { createHash } from "node:crypto";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { AppError } from "@/lib/errors";
import type { MediaStorage } from "@/lib/storage";
import { MAX_IMAGE_MEGAPIXELS, MAX_IMAGE_PIXELS } from "@/lib/upload-limits.js";
import { ENCODING } from "./renditions";

/**
 * The renditions an upload makes at once (the whole photo in WebP, ./renditions.ts): the editor shows them,
 * and they are the first readers ask for. The rest are made on first request. Never enlarged.
 */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
const ACCEPTED_FORMATS = new Map([
  ["jpeg", "image/jpeg"],
  ["png", "image/png"],
  ["webp", "image/webp"],
  ["avif", "image/avif"],
  ["gif", "image/gif"],
]);
/** A decode that takes longer than this is refused: 40 MP of 16-bit PNG takes about 1 s on these cores. */
export const DECODE_SECONDS = 10;

// One libvips thread per image (sharp's default is one per core on some builds): with one decode at a
// time per instance (decodeGate below), uploads never take more than one core from readers.
sharp.concurrency(1);

export class ImageRejected extends Error {
  override name = "ImageRejected";
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface StoredImage {
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  byteSize: number;
  widths: number[];
}

/** An image that decoded: what to record, and every file to store (the original last). */
export interface PreparedImage {
  image: StoredImage;
  files: [key: string, bytes: Buffer][];
}

/**
 * At most `atOnce` decodes run in this process; up to `waiting` more wait for at most `waitMs`, in
 * order; anyone past that is told to come back (503 with Retry-After), so one person's batch of
 * photos cannot take every core from readers, and a burst is not refused outright.
 */
export function createDecodeGate({ atOnce, waiting, waitMs }: { atOnce: number; waiting: number; waitMs: number }) {
  let running = 0;
  const queue: (() => void)[] = [];
  const busy = () => new AppError("UNAVAILABLE", "Too many images are being processed right now. Nothing was saved; try again in a few seconds.", { retryAfter: 5 });
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running < atOnce) running++;
      else {
        if (queue.length >= waiting) throw busy();
        await new Promise<void>((resolve, reject) => {
          const start = () => {
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(() => {
            queue.splice(queue.indexOf(start), 1);
            reject(busy());
          }, waitMs);
          queue.push(start);
        });
      }
      try {
        return await work();
      } finally {
        // Hand the slot straight to the next in line, or give it back.
        const next = queue.shift();
        if (next) next();
        else running--;
      }
    },
  };
}

/** Every decode of this process, uploads' and renditions' alike, goes through this one gate. */
export const decodeGate = createDecodeGate({ atOnce: 1, waiting: 16, waitMs: 15_000 });

/**
 * Checks that the bytes are an image by decoding them (never by file name) and makes one WebP per
 * reader width, all in memory: nothing is stored until the whole image has decoded. Keys derive
 * from the content hash, so the same image always gets the same files.
 */
export async function prepareImage(bytes: Buffer): Promise<PreparedImage> {
  // The header alone, outside the gate: a file that claims too many pixels is refused at once, busy or not.
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejected("it is not an image we can read.");
  }
  // sharp names AVIF by its container (HEIF) and its compression; a HEIF of another codec stays refused.
  const format = metadata.format === "heif" && metadata.compression === "av1" ? "avif" : metadata.format;
  const mimeType = format ? ACCEPTED_FORMATS.get(format) : undefined;
  // Upright: a phone's portrait photo is stored landscape with an EXIF orientation of 5–8, and every copy
  // readers get is turned upright, so its size (and every crop of it) is the turned one.
  const sideways = (metadata.orientation ?? 1) >= 5;
  const width = sideways ? metadata.height : metadata.width;
  const height = sideways ? metadata.width : metadata.height;
  if (!mimeType || !width || !height) throw new ImageRejected("only JPEG, PNG, WebP, AVIF and GIF images are accepted.");
  if (width * height > MAX_IMAGE_PIXELS) {
    const megapixels = Math.round((width * height) / 100_000) / 10;
    throw new ImageRejected(`it is ${width}×${height} pixels (${megapixels} megapixels); images may be at most ${MAX_IMAGE_MEGAPIXELS} megapixels.`, { maxMegapixels: MAX_IMAGE_MEGAPIXELS });
  }

  const fitting = IMAGE_WIDTHS.filter((each) => each <= width);
  const widths: number[] = fitting.length > 0 ? fitting : [width];
  const variants = await decodeGate.run(async () => {
    let largest: { data: Buffer; info: OutputInfo };
    try {
      // The one full decode: upright, at the largest served width. The smaller copies come from these
      // pixels, not from decoding the original again.
      largest = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
        .timeout({ seconds: DECODE_SECONDS })
        .rotate()
        .resize({ width: Math.max(...widths), withoutEnlargement: true })
        .raw({ depth: "uchar" })
        .toBuffer({ resolveWithObject: true });
    } catch (error) {
      throw new ImageRejected(decodeProblem(error));
    }
    const raw = { width: largest.info.width, height: largest.info.height, channels: largest.info.channels };
    // One after another: side by side they would run on several threads, past the one-core budget.
    const encoded: Buffer[] = [];
    try {
      for (const each of widths) {
        encoded.push(await sharp(largest.data, { raw }).resize({ width: each, withoutEnlargement: true }).webp(ENCODING.webp).toBuffer());
      }
    } catch (error) {
      // A shape WebP cannot hold (1×100000 pixels: over 16383 high at the served width).
      throw new ImageRejected(`it could not be made into web copies (${detailOf(error)}).`);
    }
    return encoded;
  });

  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 32);
  const storageKey = `images/${hash}/original.${format}`;
  return {
    image: { storageKey, mimeType, width, height, byteSize: bytes.length, widths },
    files: [...widths.map((each, index): [string, Buffer] => [variantKey(storageKey, each), variants[index]!]), [storageKey, bytes]],
  };
}

/** Why a decode failed, in words a person can act on (libvips says "VipsJpeg: premature end of JPEG image"). */
function decodeProblem(error: unknown): string {
  if (/timeout/i.test(detailOf(error))) return `it took more than ${DECODE_SECONDS} seconds to decode.`;
  return `it is cut short or damaged (${detailOf(error)}).`;
}
const detailOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0]!.replace(/^Vips\w*:\s*/, "").trim().replace(/^\w/, (first) => first.toLowerCase()) || "no detail";

/**
 * Stores a prepared image's files. A file already there (the same image uploaded before) is left
 * alone; when a write fails, the files this call created are removed again, and `discard` does the
 * same for a caller whose own step (the database row) failed afterwards.
 */
export async function writeImage(storage: MediaStorage, prepared: PreparedImage): Promise<{ discard: () => Promise<void> }> {
  const created: string[] = [];
  const discard = async () => {
    for (const key of created.toReversed()) {
      await storage.remove(key).catch((error: unknown) => console.error("[media] could not remove", key, error instanceof Error ? error.message : error));
    }
  };
  try {
    for (const [key, bytes] of prepared.files) {
      if (await storage.has(key)) continue;
      created.push(key);
      await storage.put(key, bytes);
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return { discard };
}

/** prepareImage, then writeImage (the seed's way in; uploads go through lib/articles/upload-image.ts). */
export async function storeImage(storage: MediaStorage, bytes: Buffer): Promise<StoredImage> {
  const prepared = await prepareImage(bytes);
  await writeImage(storage, prepared);
  return prepared.image;
}

/** "images/<hash>/": the folder of an image's original and its variants, from a stored key or a served address. */
export function imageFolder(keyOrUrl: string): string | null {
  const match = /(?:^|\/)(images\/[a-f0-9]{32}\/)/.exec(keyOrUrl);
  return match ? match[1]! : null;
}

export function variantKey(storageKey: string, width: number): string {
  return `${storageKey.slice(0, storageKey.lastIndexOf("/"))}/${width}.webp`;
}

/** The public URL of a stored variant, served by app/media/[...key]/route.ts. */
export function imageUrl(storageKey: string, width: number): string {
  return `/media/${variantKey(storageKey, width)}`;
}
