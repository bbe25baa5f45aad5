import { heartbeat } from "@/lib/articles";
import { staffRoute } from "@/lib/http";

export const POST = staffRoute<{ id: string }>(async ({ viewer, params }) => Response.json({ others: await heartbeat(viewer, params.id) }));
