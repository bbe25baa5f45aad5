import { revokeApiToken } from "@/lib/auth/api-tokens";
import { staffRoute } from "@/lib/http";

export const DELETE = staffRoute<{ id: string }>(async ({ viewer, params }) => Response.json(await revokeApiToken(viewer, params.id)));
