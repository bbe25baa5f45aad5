import { createDraft, listArticles } from "@/lib/articles";
import { readJsonObject, staffRoute } from "@/lib/http";

export const GET = staffRoute(async ({ viewer, request }) =>
  Response.json(await listArticles(viewer, Object.fromEntries(new URL(request.url).searchParams))),
);

export const POST = staffRoute(async ({ viewer, request }) => Response.json(await createDraft(viewer, await readJsonObject(request)), { status: 201 }));
