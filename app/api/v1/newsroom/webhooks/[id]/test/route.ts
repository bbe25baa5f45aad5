import { staffRoute } from "@/lib/http";
import { pingWebhook } from "@/lib/webhooks";

/** Sends a signed ping now and answers with what the receiver said (200 either way: the test ran). */
export const POST = staffRoute<{ id: string }>(async ({ viewer, params }) => Response.json(await pingWebhook(viewer, params.id)));
