import { db } from "@/lib/db";
import type { Viewer } from "@/lib/policy";
import { liveEndpoint } from "./endpoints";

export const DELIVERIES_SHOWN = 50;

/**
 * An endpoint's newest deliveries, for admins: which event, which story,
 * how many attempts, the receiver's last answer, and when it went out or
 * will be tried next.
 */
export async function listDeliveries(viewer: Viewer, endpointId: string, { take = DELIVERIES_SHOWN } = {}) {
  await liveEndpoint(viewer, endpointId);
  const rows = await db().webhookDelivery.findMany({
    where: { endpointId },
    orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
    take: Math.min(Math.max(1, take), DELIVERIES_SHOWN),
    select: {
      id: true,
      attempts: true,
      lastStatus: true,
      lastError: true,
      lastAttemptAt: true,
      deliveredAt: true,
      nextAttemptAt: true,
      event: { select: { id: true, type: true, articleId: true, slug: true, version: true, occurredAt: true } },
    },
  });
  return rows.map(({ event, nextAttemptAt, ...row }) => ({
    id: row.id,
    eventId: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    article: { id: event.articleId, slug: event.slug, version: event.version },
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt,
    deliveredAt: row.deliveredAt,
    nextAttemptAt: row.deliveredAt ? null : nextAttemptAt,
  }));
}

export type DeliveryView = Awaited<ReturnType<typeof listDeliveries>>[number];
