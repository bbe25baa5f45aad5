/** Outbound webhooks (issue #25, item 3): endpoints admins register, the deliveries owed to them, the deliverer, the test ping. */
export { createWebhook, listWebhooks, updateWebhook, deleteWebhook, type WebhookEndpointView } from "./endpoints";
export { listDeliveries, type DeliveryView } from "./deliveries";
export { deliverWebhooks, startWebhooks } from "./deliver";
export { pingWebhook } from "./ping";
