import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import type { MediaStorage } from "@/lib/storage";

/** Widths readers are served; an image is never enlarged past its own width. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
const ACCEPTED_FORMATS = new Map([
  ["jpeg", "image/jpeg"],
  ["png", "image/png"],
  ["webp", "image/webp"],
  ["avif", "image/avif"],
  ["gif", "image/gif"],
]);
const MAX_PIXELS = 40_000_000;

export class ImageRejected extends Error {
  override name = "ImageRejected";
}

export interface StoredImage {
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  byteSize: number;
  widths: number[];
}

/**
 * Checks that the bytes are an image by decoding them (never by file name),
 * stores the original and one WebP per reader width. Keys derive from the
 * content hash, so storing the same image twice writes the same files.
 */
export async function storeImage(storage: MediaStorage, bytes: Buffer): Promise<StoredImage> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new ImageRejected("The file is not an image we can read.");
  }
  const mimeType = metadata.format ? ACCEPTED_FORMATS.get(metadata.format) : undefined;
  if (!mimeType || !metadata.width || !metadata.height) {
    throw new ImageRejected("Only JPEG, PNG, WebP, AVIF and GIF images are accepted.");
  }
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 32);
  const folder = `images/${hash}`;
  const storageKey = `${folder}/original.${metadata.format}`;
  await storage.put(storageKey, bytes);

  const fitting = IMAGE_WIDTHS.filter((width) => width <= metadata.width!);
  const widths: number[] = fitting.length > 0 ? fitting : [metadata.width];
  for (const width of widths) {
    const resized = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    await storage.put(variantKey(storageKey, width), resized);
  }
  return { storageKey, mimeType, width: metadata.width, height: metadata.height, byteSize: bytes.length, widths };
}

/** "images/<hash>/": the folder of an image's original and its variants, from a stored key or a served address. */
export function imageFolder(keyOrUrl: string): string | null {
  const match = /(?:^|\/)(images\/[a-f0-9]{32}\/)/.exec(keyOrUrl);
  return match ? match[1]! : null;
}

/** The served variants are WebP copies; the original upload (with whatever metadata it carried) is never served. */
export const isServedVariant = (key: string) => /^images\/[a-f0-9]{32}\/\d+\.webp$/.test(key);

export function variantKey(storageKey: string, width: number): string {
  return `${storageKey.slice(0, storageKey.lastIndexOf("/"))}/${width}.webp`;
}

/** The public URL of a stored variant, served by app/media/[...key]/route.ts. */
export function imageUrl(storageKey: string, width: number): string {
  return `/media/${variantKey(storageKey, width)}`;
}
