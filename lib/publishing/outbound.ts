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
export async function recordArticleEvent(tx: Tx, type: OutboundEventType, article: { id: string; slug: string; version: number }, now: Date): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('copydesk.outbound-events'))`;
  const event = await tx.outboundEvent.create({ data: { type, articleId: article.id, slug: article.slug, version: article.version, occurredAt: now }, select: { id: true } });
  return event.id;
}
