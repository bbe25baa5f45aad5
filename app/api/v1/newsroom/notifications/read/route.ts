import { readJsonObject, staffRoute } from "@/lib/http";
import { markRead } from "@/lib/notifications";

export const POST = staffRoute(async ({ viewer, request }) => Response.json(await markRead(viewer, await readJsonObject(request))));
