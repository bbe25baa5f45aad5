import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { imageUrl, ImageRejected, storeImage } from "@/lib/media";
import { mayCreateArticles, type Viewer } from "@/lib/policy";
import { mediaStorage } from "@/lib/storage";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

/** Stores an uploaded image (checked by decoding it, never by its name) and its resized copies. */
export async function uploadImage(viewer: Viewer, bytes: Buffer) {
  if (viewer.kind !== "staff" || !mayCreateArticles(viewer)) throw forbidden();
  if (bytes.length === 0) throw new AppError("VALIDATION", "file: the file is empty.", { field: "file" });
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError("TOO_LARGE", `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, { field: "file" });
  let stored;
  try {
    stored = await storeImage(mediaStorage(), bytes);
  } catch (error) {
    if (error instanceof ImageRejected) throw new AppError("VALIDATION", `file: ${error.message}`, { field: "file" });
    // The folder is full, read-only or gone: say so, record nothing (the database row is only written after this).
    console.error("[media] could not store an upload:", error instanceof Error ? error.message : error);
    throw new AppError("UNAVAILABLE", "The image could not be stored: the upload storage is not writable. Nothing was saved; try again later or tell an admin.");
  }
  const media = await db().media.upsert({
    where: { storageKey: stored.storageKey },
    update: {},
    create: { ...stored, uploadedById: viewer.id },
  });
  const largest = Math.max(...media.widths);
  return { id: media.id, url: imageUrl(media.storageKey, Math.min(largest, 960)), width: media.width, height: media.height };
}
