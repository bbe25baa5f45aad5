import { staffRoute } from "@/lib/http";
import { mediaItem } from "@/lib/media/media-item";

/** `?src=` an address a photo is shown at ("/media/images/<hash>/960.webp"): that photo, as GET /media/{id} answers. */
export const GET = staffRoute(async ({ viewer, request }) => Response.json(await mediaItem(viewer, { query: Object.fromEntries(new URL(request.url).searchParams) })));
