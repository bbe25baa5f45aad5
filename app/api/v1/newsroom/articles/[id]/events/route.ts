import { listEvents } from "@/lib/articles";
import { staffRoute } from "@/lib/http";

export const GET = staffRoute<{ id: string }>(async ({ viewer, params }) => Response.json({ events: await listEvents(viewer, params.id) }));
