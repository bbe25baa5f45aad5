import { readJsonObject, staffRoute } from "@/lib/http";
import { mediaItem } from "@/lib/media/media-item";
import { setPhotoRights } from "@/lib/media/set-rights";

/** One photo: its smallest variant, size and rights. */
export const GET = staffRoute<{ id: string }>(async ({ viewer, params }) => Response.json(await mediaItem(viewer, { id: params.id })));

/** `{ rightsExpireOn: "2027-01-31" | null, usageNote: "…" }`, either or both. */
export const PATCH = staffRoute<{ id: string }>(async ({ viewer, request, params }) => Response.json(await setPhotoRights(viewer, params.id, await readJsonObject(request))));
