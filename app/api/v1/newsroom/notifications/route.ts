import { staffRoute } from "@/lib/http";
import { listNotifications } from "@/lib/notifications";

export const GET = staffRoute(async ({ viewer }) => Response.json(await listNotifications(viewer), { headers: { "Cache-Control": "no-store" } }));
