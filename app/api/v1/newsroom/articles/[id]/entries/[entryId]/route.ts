import { readJsonObject, staffRoute } from "@/lib/http";
import { deleteEntry, editEntry } from "@/lib/live";

type Params = { id: string; entryId: string };

export const PATCH = staffRoute<Params>(async ({ viewer, request, params }) =>
  Response.json(await editEntry(viewer, { ...(await readJsonObject(request)), articleId: params.id, entryId: params.entryId })),
);

/** Takes it off every reader surface; `{ reason }` is kept in the story's history. */
export const DELETE = staffRoute<Params>(async ({ viewer, request, params }) =>
  Response.json(await deleteEntry(viewer, { ...(await readJsonObject(request, { optional: true })), articleId: params.id, entryId: params.entryId })),
);
