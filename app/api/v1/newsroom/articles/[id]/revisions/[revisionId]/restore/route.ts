import { restoreRevision } from "@/lib/articles";
import { readJsonObject, staffRoute } from "@/lib/http";

export const POST = staffRoute<{ id: string; revisionId: string }>(async ({ viewer, request, params }) =>
  Response.json(await restoreRevision(viewer, { ...(await readJsonObject(request)), articleId: params.id, revisionId: params.revisionId })),
);
