import { db, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { jsonLogs, logJson } from "@/lib/log.js";
import { articleUrl, REQUEST_TIMEOUT_MS, sendSigned, type Answer } from "./send";

const FIRST_RETRY_MS = 10_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/**
 * 10 s, 20 s, 40 s … at most an hour after the attempts so far. A delivery
 * is never given up on: the later events of its story wait behind it, so
 * dropping it would break the order partners are promised. An admin pauses
 * or deletes an endpoint that is gone for good.
 */
export const retryDelay = (attempts: number) => Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);

interface Due {
  id: string;
  endpointId: string;
  attempts: number;
  url: string;
  secret: string;
  eventId: string;
  type: string;
  articleId: string;
  slug: string;
  version: number;
  occurredAt: Date;
}

export interface DeliverOptions {
  now?: Date;
  /** another client (a second instance's pool, in tests) */
  client?: Db;
  denyPrivate?: boolean;
  timeoutMs?: number;
}

/**
 * Sends what is owed to webhook endpoints, one delivery per transaction, as
 * the mail outbox sends mail (lib/notifications/outbox.ts): the row stays
 * locked (FOR UPDATE SKIP LOCKED) while it is POSTed and is marked delivered
 * in the same transaction, so two instances never deliver one event twice.
 * Only a crash between the receiver's 2xx and the commit sends it again —
 * with the same event id, which receivers deduplicate on.
 *
 * In order per story per endpoint: a delivery is claimed only while no
 * earlier one (by event seq) of the same endpoint and story is undelivered;
 * that earlier row, locked by another instance or waiting for its retry,
 * holds the later ones back. A paused or deleted endpoint's rows are not
 * claimed. Once an endpoint fails in a run its other rows wait for the next
 * run, so one receiver that is down costs one timeout per run, not one per row.
 */
export async function deliverWebhooks({ now = new Date(), client = db(), denyPrivate = env().WEBHOOK_DENY_PRIVATE, timeoutMs = REQUEST_TIMEOUT_MS }: DeliverOptions = {}): Promise<{ delivered: number; failed: number }> {
  const outcome = { delivered: 0, failed: 0 };
  const tried: string[] = [];
  const failing: string[] = [];
  for (;;) {
    const done = await client.$transaction(
      async (tx) => {
        const [due] = await tx.$queryRaw<Due[]>`
          SELECT d."id", d."endpointId", d."attempts", w."url", w."secret",
                 e."id" AS "eventId", e."type", e."articleId", e."slug", e."version", e."occurredAt"
            FROM "WebhookDelivery" d
            JOIN "WebhookEndpoint" w ON w."id" = d."endpointId"
            JOIN "OutboundEvent" e ON e."id" = d."eventId"
           WHERE d."deliveredAt" IS NULL AND d."nextAttemptAt" <= ${now}
             AND NOT w."paused" AND w."deletedAt" IS NULL
             AND NOT (d."id" = ANY(${tried}::text[]))
             AND NOT (d."endpointId" = ANY(${failing}::text[]))
             AND NOT EXISTS (
               SELECT 1 FROM "WebhookDelivery" earlier
                WHERE earlier."endpointId" = d."endpointId" AND earlier."articleId" = d."articleId"
                  AND earlier."seq" < d."seq" AND earlier."deliveredAt" IS NULL)
           ORDER BY d."nextAttemptAt", d."seq"
           LIMIT 1
           FOR UPDATE OF d SKIP LOCKED`;
        if (!due) return true;
        tried.push(due.id);
        const payload = { id: due.eventId, type: due.type, occurredAt: due.occurredAt.toISOString(), article: { id: due.articleId, slug: due.slug, version: due.version, url: articleUrl(due.slug) } };
        const answer = await sendSigned(due.url, due.secret, payload, { denyPrivate, timeoutMs });
        await record(tx, due, answer, now);
        if (answer.ok) outcome.delivered += 1;
        else {
          outcome.failed += 1;
          failing.push(due.endpointId);
        }
        return false;
      },
      { timeout: timeoutMs + 30_000, maxWait: 10_000 },
    );
    if (done) return outcome;
  }
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function record(tx: Tx, due: Due, answer: Answer, now: Date): Promise<void> {
  const attempts = due.attempts + 1;
  const attempted = { attempts, lastStatus: answer.status, lastError: answer.error, lastAttemptAt: new Date() };
  if (answer.ok) {
    await tx.webhookDelivery.update({ where: { id: due.id }, data: { ...attempted, deliveredAt: new Date() } });
    return;
  }
  await tx.webhookDelivery.update({ where: { id: due.id }, data: { ...attempted, nextAttemptAt: new Date(now.getTime() + retryDelay(attempts)) } });
  if (jsonLogs()) logJson("webhook", { status: "failed", endpoint: due.endpointId, event: due.eventId, attempts, answer: answer.status, error: answer.error });
  else console.error(`[webhook] attempt ${attempts} of event ${due.eventId} to endpoint ${due.endpointId} failed: ${answer.error}`);
}

const WEBHOOK_INTERVAL_MS = 1_500;

/** Sends what is owed now and every 1.5 s for the life of the process (each instance; the row locks keep them apart). */
export function startWebhooks(): NodeJS.Timeout {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    await deliverWebhooks().catch((error: unknown) => console.error("[webhook] delivery run failed:", error instanceof Error ? error.message : error));
    running = false;
  };
  void run();
  const timer = setInterval(() => void run(), WEBHOOK_INTERVAL_MS);
  timer.unref();
  return timer;
}
