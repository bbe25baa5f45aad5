import { readImageUpload, uploadImage } from "@/lib/articles/upload-image";
import { staffRoute } from "@/lib/http";

/** multipart/form-data with one `file`, at most MAX_UPLOAD_MB (lib/upload-limits.js). */
export const POST = staffRoute(async ({ viewer, request }) => {
  const { bytes, fileName } = await readImageUpload(request);
  return Response.json(await uploadImage(viewer, bytes, fileName), { status: 201 });
});
