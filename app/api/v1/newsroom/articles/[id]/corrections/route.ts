import { addCorrection } from "@/lib/articles";
import { readJsonObject, staffRoute } from "@/lib/http";

export const POST = staffRoute<{ id: string }>(async ({ viewer, request, params }) =>
  Response.json(await addCorrection(viewer, { ...(await readJsonObject(request)), articleId: params.id }), { status: 201 }),
);
