import { createPreviewLink, revokePreviewLinks } from "@/lib/articles";
import { readJsonObject, staffRoute } from "@/lib/http";

type Params = { id: string };

export const POST = staffRoute<Params>(async ({ viewer, request, params }) =>
  Response.json(await createPreviewLink(viewer, { ...(await readJsonObject(request, { optional: true })), articleId: params.id }), { status: 201 }),
);

export const DELETE = staffRoute<Params>(async ({ viewer, params }) => Response.json(await revokePreviewLinks(viewer, params.id)));
