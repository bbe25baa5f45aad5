import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { readJsonObject, staffRoute } from "@/lib/http";

export const GET = staffRoute(async ({ viewer }) => Response.json({ tokens: await listApiTokens(viewer) }));

export const POST = staffRoute(async ({ viewer, request }) => Response.json(await createApiToken(viewer, await readJsonObject(request)), { status: 201 }));
