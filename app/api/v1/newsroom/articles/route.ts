import { createDraft, listArticles } from "@/lib/articles";
import { readJsonObject, staffRoute } from "@/lib/http";

export const GET = staffRoute(async ({ viewer, request }) =>
  Response.json(await listArticles(viewer, Object.fromEntries(new URL(request.url).searchParams))),
);

/** 201 when every field was stored; 200 when the story was made but some fields were kept back (`invalid`), like a PATCH. */
export const POST = staffRoute(async ({ viewer, request }) => {
  const created = await createDraft(viewer, await readJsonObject(request));
  return Response.json(created, { status: created.invalid.length > 0 ? 200 : 201 });
});
