import { liftEmbargo } from "@/lib/publishing/lift-embargo";
import { readJsonObject, staffRoute } from "@/lib/http";

export const POST = staffRoute<{ id: string }>(async ({ viewer, request, params }) =>
  Response.json(await liftEmbargo(viewer, { ...(await readJsonObject(request)), articleId: params.id })),
);
