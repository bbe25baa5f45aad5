import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/policy";
import { liveEndpoint } from "./endpoints";
import { sendSigned } from "./send";

/**
 * "Send test": a signed `ping` to the endpoint at once — paused or not, so
 * an admin can check a receiver before resuming it — answered with what the
 * receiver said. Not an event: nothing is stored or retried, and it names no
 * story (`article: null`).
 */
export async function pingWebhook(viewer: Viewer, endpointId: string, { denyPrivate = env().WEBHOOK_DENY_PRIVATE, now = new Date() } = {}) {
  const endpoint = await liveEndpoint(viewer, endpointId);
  const id = `ping_${randomUUID()}`;
  const answer = await sendSigned(endpoint.url, endpoint.secret, { id, type: "ping", occurredAt: now.toISOString(), article: null }, { denyPrivate });
  return { eventId: id, delivered: answer.ok, status: answer.status, error: answer.error };
}
