import { getArticle, transition } from "@/lib/articles";
import { AppError } from "@/lib/errors";
import { readJsonObject, staffRoute } from "@/lib/http";

/**
 * `?view=editor` answers with the story as the editor shows it too, so the
 * editor need not read it again. A move that took the story out of the
 * mover's sight still happened: its view is then null, never an error.
 */
export const POST = staffRoute<{ id: string }>(async ({ viewer, request, params }) => {
  const view = new URL(request.url).searchParams.get("view");
  if (view !== null && view.trim().toLowerCase() !== "editor") throw new AppError("VALIDATION", 'view: the one view a move answers with is "editor".', { field: "view" });
  const moved = await transition(viewer, { ...(await readJsonObject(request)), articleId: params.id });
  return Response.json(view === null ? moved : { ...moved, article: await getArticle(viewer, params.id).catch(() => null) });
});
