import { staffRoute } from "@/lib/http";
import { listDeliveries } from "@/lib/webhooks";

export const GET = staffRoute<{ id: string }>(async ({ viewer, params }) => Response.json({ deliveries: await listDeliveries(viewer, params.id) }));
