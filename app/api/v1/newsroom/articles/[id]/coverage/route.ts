import { readJsonObject, staffRoute } from "@/lib/http";
import { setCoverage } from "@/lib/live";

/** `{ running: false }` ends live coverage; `{ running: true }` resumes it. */
export const POST = staffRoute<{ id: string }>(async ({ viewer, request, params }) =>
  Response.json({ coverage: await setCoverage(viewer, { ...(await readJsonObject(request)), articleId: params.id }) }),
);
