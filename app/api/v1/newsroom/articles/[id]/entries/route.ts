import { readJsonObject, staffRoute } from "@/lib/http";
import { listEntries, postEntry } from "@/lib/live";

type Params = { id: string };

export const GET = staffRoute<Params>(async ({ viewer, params }) => Response.json({ entries: await listEntries(viewer, params.id) }));

/** 201 with the entry: `status` POSTED when readers have it, PENDING when it waits for an editor. */
export const POST = staffRoute<Params>(async ({ viewer, request, params }) =>
  Response.json(await postEntry(viewer, { ...(await readJsonObject(request)), articleId: params.id }), { status: 201 }),
);
