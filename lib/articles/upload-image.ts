import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { imageUrl, ImageRejected, prepareImage, writeImage } from "@/lib/media/image";
import { mayCreateArticles, type Viewer } from "@/lib/policy";
import { mediaStorage } from "@/lib/storage";
import { MAX_UPLOAD_BODY_BYTES, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from "@/lib/upload-limits.js";

export { MAX_UPLOAD_BYTES };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const tooLarge = (size?: number) =>
  new AppError("TOO_LARGE", `Images may be at most ${MAX_UPLOAD_MB} MB${size ? `; this one is ${megabytes(size)}` : ""}. Nothing was saved.`, { field: "file", maxBytes: MAX_UPLOAD_BYTES });

/** How messages name the file: its own name when it came with one (quoted, control characters out, kept short). */
function named(fileName: string | undefined): string {
  const clean = (fileName ?? "").replace(/[\p{Cc}\p{Cf}"]/gu, "").trim().slice(0, 100);
  return clean && clean !== "blob" ? `"${clean}"` : "The image";
}

/**
 * The one `file` of a multipart upload. The body is read here, counted, rather than by
 * `request.formData()` alone: past MAX_UPLOAD_BODY_BYTES it is a 413 naming the limit, whether
 * Content-Length said so or not, and a body Next's proxy cut short (next.config.js) is always
 * longer than that, so half a file is never parsed as a whole one.
 */
export async function readImageUpload(request: Request): Promise<{ bytes: Buffer; fileName: string }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BODY_BYTES) throw tooLarge(declared);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = request.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    length += read.value.byteLength;
    if (length > MAX_UPLOAD_BODY_BYTES) {
      await reader!.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  const body = Buffer.concat(chunks);
  const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => {
    throw new AppError("VALIDATION", "Send the image as multipart/form-data with a `file` field.");
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("VALIDATION", "file: no file was sent.", { field: "file" });
  return { bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name };
}

/**
 * Stores an uploaded image (checked by decoding it, never by its name) and its resized copies.
 * Whatever fails — a damaged file, a full disk, the database — leaves neither files nor a row.
 */
export async function uploadImage(viewer: Viewer, bytes: Buffer, fileName?: string) {
  if (viewer.kind !== "staff" || !mayCreateArticles(viewer)) throw forbidden();
  const name = named(fileName);
  if (bytes.length === 0) throw new AppError("VALIDATION", `${name} is empty. Nothing was saved.`, { field: "file" });
  if (bytes.length > MAX_UPLOAD_BYTES) throw tooLarge(bytes.length);
  let prepared;
  try {
    prepared = await prepareImage(bytes);
  } catch (error) {
    if (error instanceof ImageRejected) throw new AppError("VALIDATION", `${name} was not saved: ${error.message}`, { field: "file", ...error.details });
    throw error;
  }
  let written;
  try {
    written = await writeImage(mediaStorage(), prepared);
  } catch (error) {
    // The folder is full, read-only or gone: say so, record nothing (writeImage took back what it wrote).
    console.error("[media] could not store an upload:", error instanceof Error ? error.message : error);
    throw new AppError("UNAVAILABLE", "The image could not be stored: the upload storage is not writable. Nothing was saved; try again later or tell an admin.");
  }
  const { image } = prepared;
  const media = await db()
    .media.upsert({ where: { storageKey: image.storageKey }, update: {}, create: { ...image, uploadedById: viewer.id } })
    .catch(async (error: unknown) => {
      await written.discard();
      throw error;
    });
  const largest = Math.max(...media.widths);
  return { id: media.id, url: imageUrl(media.storageKey, Math.min(largest, 960)), width: media.width, height: media.height };
}
