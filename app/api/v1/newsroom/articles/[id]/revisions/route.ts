import { listRevisions } from "@/lib/articles";
import { staffRoute } from "@/lib/http";

export const GET = staffRoute<{ id: string }>(async ({ viewer, request, params }) =>
  Response.json(await listRevisions(viewer, { ...Object.fromEntries(new URL(request.url).searchParams), articleId: params.id })),
);
