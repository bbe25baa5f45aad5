import { MAX_UPLOAD_BYTES, uploadImage } from "@/lib/articles";
import { AppError } from "@/lib/errors";
import { staffRoute } from "@/lib/http";

/** multipart/form-data with one `file`. */
export const POST = staffRoute(async ({ viewer, request }) => {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) {
    throw new AppError("TOO_LARGE", `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, { field: "file" });
  }
  const form = await request.formData().catch(() => {
    throw new AppError("VALIDATION", "Send the image as multipart/form-data with a `file` field.");
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("VALIDATION", "file: no file was sent.", { field: "file" });
  return Response.json(await uploadImage(viewer, Buffer.from(await file.arrayBuffer())), { status: 201 });
});
