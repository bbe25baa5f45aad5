import { lastLookChecks } from "@/lib/publishing/candidate";
import { staffRoute } from "@/lib/http";

export const GET = staffRoute<{ id: string }>(async ({ viewer, params }) => Response.json(await lastLookChecks(viewer, params.id)));
