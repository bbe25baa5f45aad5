import { transition } from "@/lib/articles";
import { readJsonObject, staffRoute } from "@/lib/http";

export const POST = staffRoute<{ id: string }>(async ({ viewer, request, params }) =>
  Response.json(await transition(viewer, { ...(await readJsonObject(request)), articleId: params.id })),
);
