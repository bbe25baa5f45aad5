import sharp from "sharp";
import { AppError } from "@/lib/errors";
import type { MediaStorage } from "@/lib/storage";
import { MAX_IMAGE_PIXELS } from "@/lib/upload-limits.js";
import { DECODE_SECONDS, decodeGate } from "./image";
import { ENCODING, renditionKey, SHARE_SIZE, type Rendition } from "./renditions";

/** Renditions being made in this process, by key: a second request for one waits for the first instead of making it again. */
const making = new Map<string, Promise<Buffer>>();

/**
 * A rendition's bytes: the stored file when it was made before (no image
 * work at all), else made now from the original — upright, cropped, resized,
 * without metadata — stored, and returned. `made` tells which.
 */
export async function renditionBytes(storage: MediaStorage, originalKey: string, rendition: Rendition): Promise<{ bytes: Buffer; made: boolean }> {
  const key = renditionKey(rendition);
  const stored = await storage.get(key);
  if (stored) return { bytes: stored, made: false };
  let pending = making.get(key);
  if (!pending) {
    pending = make(storage, originalKey, rendition).finally(() => making.delete(key));
    making.set(key, pending);
  }
  return { bytes: await pending, made: true };
}

async function make(storage: MediaStorage, originalKey: string, rendition: Rendition): Promise<Buffer> {
  const original = await storage.get(originalKey);
  if (!original) throw new AppError("NOT_FOUND", "This photo's original is missing from the upload storage.");
  const bytes = await decodeGate.run(() => {
    // sharp drops EXIF, XMP, IPTC and GPS unless asked to keep them; nothing here asks.
    let image = sharp(original, { limitInputPixels: MAX_IMAGE_PIXELS }).timeout({ seconds: DECODE_SECONDS }).rotate();
    if (rendition.crop) image = image.extract({ left: rendition.crop.x, top: rendition.crop.y, width: rendition.crop.width, height: rendition.crop.height });
    if (rendition.width === "share") return image.resize({ ...SHARE_SIZE, fit: "cover" }).jpeg(ENCODING.jpg).toBuffer();
    image = image.resize({ width: rendition.width, withoutEnlargement: true });
    return rendition.format === "avif" ? image.avif(ENCODING.avif).toBuffer() : image.webp(ENCODING.webp).toBuffer();
  });
  // A storage that cannot take it still lets this reader have the picture; the next request makes it again.
  await storage.put(renditionKey(rendition), bytes).catch((error: unknown) => console.error("[media] could not keep a rendition:", error instanceof Error ? error.message : error));
  return bytes;
}
