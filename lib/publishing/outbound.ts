import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** What webhooks may subscribe to (issue #25's names, the API's contract). */
export const WEBHOOK_EVENTS = ["published", "changes_published", "corrected", "unpublished", "archived", "embargo_lifted"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * Every change partners hear of: the webhook events, and two only the
 * syndication feed reads — `embargoed` (a story scheduled under embargo, or
 * its embargoed schedule changed: partners may see it early) and `withheld`
 * (an embargoed story taken off the schedule before it went out).
 */
export type OutboundEventType = WebhookEvent | "embargoed" | "withheld";

/**
 * Records a change in its own transaction (the outbox pattern the mail
 * uses), so an event exists exactly when the change committed. The lock is
 * held until commit: events are numbered in the order they commit, and a
 * partner paging by number (the syndication cursor) never passes one that
 * commits later with a smaller number.
 */
export async function recordArticleEvent(
  tx: Tx,
  type: OutboundEventType,
  article: { id: string; slug: string; version: number },
  now: Date,
  /** a takedown of a story only syndication partners had (its embargoed copy): webhooks, public by nature, never hear of it */
  { syndicationOnly = false } = {},
): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('copydesk.outbound-events'))`;
  const event = await tx.outboundEvent.create({ data: { type, articleId: article.id, slug: article.slug, version: article.version, occurredAt: now }, select: { id: true, seq: true } });
  if (isWebhookEvent(type) && !syndicationOnly) await queueWebhookDeliveries(tx, type, { id: event.id, seq: event.seq, articleId: article.id });
  return event.id;
}

const isWebhookEvent = (type: OutboundEventType): type is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(type);

/**
 * One delivery row per endpoint that wants this event, in the event's own
 * transaction: an event exists for a partner exactly when the change
 * committed (lib/webhooks/deliver.ts sends it), due at once by the
 * database's clock (a caller's `now` may be a scheduler's moment). A paused
 * endpoint gets its row too — held until it is resumed, not lost; a deleted
 * one gets none.
 */
async function queueWebhookDeliveries(tx: Tx, type: WebhookEvent, event: { id: string; seq: bigint; articleId: string }): Promise<void> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { deletedAt: null, events: { has: type } }, select: { id: true } });
  if (endpoints.length === 0) return;
  await tx.webhookDelivery.createMany({
    data: endpoints.map((endpoint) => ({ eventId: event.id, endpointId: endpoint.id, articleId: event.articleId, seq: event.seq })),
  });
}

/**
 * Whether partners have the story now: readers have it, or its last word to
 * partners was an embargoed schedule (lifted or not) — so a takedown or a
 * withdrawal is news to them, and a story they never had stays unmentioned.
 */
export async function partnersHave(tx: Tx, article: { id: string; live: boolean }): Promise<boolean> {
  if (article.live) return true;
  const last = await tx.outboundEvent.findFirst({ where: { articleId: article.id }, orderBy: { seq: "desc" }, select: { type: true } });
  return last?.type === "embargoed" || last?.type === "embargo_lifted";
}
