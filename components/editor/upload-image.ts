import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, UPLOAD_LIMITS_TEXT } from "@/lib/upload-limits.js";
import { api, type ApiResult } from "./api";

/** What the file pickers say they take: the same numbers the server holds uploads to. */
export const UPLOAD_HINT = `${UPLOAD_LIMITS_TEXT}.`;

/** Sends one image to the media API. A file over the limit is refused here, before a long upload the server would refuse. */
export async function uploadImageFile(file: File): Promise<ApiResult<{ id: string; url: string; width: number; height: number }>> {
  if (file.size > MAX_UPLOAD_BYTES) {
    const message = `Images may be at most ${MAX_UPLOAD_MB} MB; "${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB. Nothing was sent.`;
    return { ok: false, error: { status: 413, code: "too_large", message, details: { field: "file", maxBytes: MAX_UPLOAD_BYTES } } };
  }
  const form = new FormData();
  form.set("file", file);
  return api("/media", { form });
}
