import { createPreviewLink, listPreviewLinks, revokePreviewLinks } from "@/lib/articles";
import { readJsonObject, staffRoute } from "@/lib/http";

type Params = { id: string };

/** The story's working share links with who made them (never a token: only its hash is kept). */
export const GET = staffRoute<Params>(async ({ viewer, params }) => Response.json(await listPreviewLinks(viewer, params.id)));

export const POST = staffRoute<Params>(async ({ viewer, request, params }) =>
  Response.json(await createPreviewLink(viewer, { ...(await readJsonObject(request, { optional: true })), articleId: params.id }), { status: 201 }),
);

export const DELETE = staffRoute<Params>(async ({ viewer, params }) => Response.json(await revokePreviewLinks(viewer, params.id)));
