import { revokePreviewLink } from "@/lib/articles";
import { staffRoute } from "@/lib/http";

/** Ends one share link; the story's other links keep working. */
export const DELETE = staffRoute<{ id: string; linkId: string }>(async ({ viewer, params }) => Response.json(await revokePreviewLink(viewer, params.id, params.linkId)));
