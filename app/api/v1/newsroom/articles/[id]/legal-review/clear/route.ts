import { clearLegalReview } from "@/lib/publishing/clear-legal-review";
import { readJsonObject, staffRoute } from "@/lib/http";

export const POST = staffRoute<{ id: string }>(async ({ viewer, request, params }) =>
  Response.json(await clearLegalReview(viewer, { ...(await readJsonObject(request)), articleId: params.id })),
);
