import { readJsonObject, staffRoute } from "@/lib/http";
import { createWebhook, listWebhooks } from "@/lib/webhooks";

export const GET = staffRoute(async ({ viewer }) => Response.json({ webhooks: await listWebhooks(viewer) }));

export const POST = staffRoute(async ({ viewer, request }) => Response.json(await createWebhook(viewer, await readJsonObject(request)), { status: 201 }));
