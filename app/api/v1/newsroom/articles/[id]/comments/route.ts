import { addComment, listComments } from "@/lib/articles";
import { readJsonObject, staffRoute } from "@/lib/http";

type Params = { id: string };

export const GET = staffRoute<Params>(async ({ viewer, params }) => Response.json({ comments: await listComments(viewer, params.id) }));

export const POST = staffRoute<Params>(async ({ viewer, request, params }) =>
  Response.json(await addComment(viewer, { ...(await readJsonObject(request)), articleId: params.id }), { status: 201 }),
);
