import { arrangeFrontPage, getFrontPagePlan } from "@/lib/articles";
import { readJsonObject, staffRoute } from "@/lib/http";

export const GET = staffRoute(async ({ viewer }) => Response.json(await getFrontPagePlan(viewer)));

export const PUT = staffRoute(async ({ viewer, request }) => Response.json(await arrangeFrontPage(viewer, await readJsonObject(request))));
