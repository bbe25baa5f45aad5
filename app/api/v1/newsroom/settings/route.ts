import { readJsonObject, staffRoute } from "@/lib/http";
import { getSettings, updateSettings } from "@/lib/settings";

export const GET = staffRoute(async ({ viewer }) => Response.json(await getSettings(viewer)));

export const PATCH = staffRoute(async ({ viewer, request }) => Response.json(await updateSettings(viewer, await readJsonObject(request))));
