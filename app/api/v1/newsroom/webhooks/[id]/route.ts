import { readJsonObject, staffRoute } from "@/lib/http";
import { deleteWebhook, updateWebhook } from "@/lib/webhooks";

export const PATCH = staffRoute<{ id: string }>(async ({ viewer, request, params }) => Response.json({ webhook: await updateWebhook(viewer, params.id, await readJsonObject(request)) }));

export const DELETE = staffRoute<{ id: string }>(async ({ viewer, params }) => Response.json(await deleteWebhook(viewer, params.id)));
