import { heartbeat, leave } from "@/lib/articles";
import { staffRoute } from "@/lib/http";

export const POST = staffRoute<{ id: string }>(async ({ viewer, params }) => Response.json({ others: await heartbeat(viewer, params.id) }));

/** Sent (keepalive) as the editor's tab closes or the person moves on: their name goes from others' screens at once. */
export const DELETE = staffRoute<{ id: string }>(async ({ viewer, params }) => {
  await leave(viewer, params.id);
  return new Response(null, { status: 204 });
});
