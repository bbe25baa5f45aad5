import { recentMedia } from "@/lib/articles/recent-media";
import { readImageUpload, uploadImage } from "@/lib/articles/upload-image";
import { staffRoute } from "@/lib/http";

/** The newest uploads (`?limit=`, 12 by default, at most 48), for the editor's pickers. */
export const GET = staffRoute(async ({ viewer, request }) => Response.json(await recentMedia(viewer, Object.fromEntries(new URL(request.url).searchParams))));

/** multipart/form-data with one `file`, at most MAX_UPLOAD_MB (lib/upload-limits.js). */
export const POST = staffRoute(async ({ viewer, request }) => {
  const { bytes, fileName } = await readImageUpload(request);
  return Response.json(await uploadImage(viewer, bytes, fileName), { status: 201 });
});
