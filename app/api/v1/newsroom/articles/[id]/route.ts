import { getArticle, saveDraft } from "@/lib/articles";
import { readJsonObject, staffRoute } from "@/lib/http";

type Params = { id: string };

export const GET = staffRoute<Params>(async ({ viewer, params }) => Response.json(await getArticle(viewer, params.id)));

export const PATCH = staffRoute<Params>(async ({ viewer, request, params }) =>
  Response.json(await saveDraft(viewer, { ...(await readJsonObject(request)), articleId: params.id })),
);
