import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { forbidden } from "@/lib/errors";
import { jsonLogs, logJson } from "@/lib/log.js";
import { deliverMail } from "@/lib/mailer";
import { mayManageUsers, type Viewer } from "@/lib/policy";

/** After this many failed attempts a mail is given up on (and stays listed for admins). */
export const MAX_ATTEMPTS = 10;
/** Admins see a mail as failing from this many failed attempts on. */
export const FAILING_AFTER = 3;
const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/** 5 s, 10 s, 20 s … at most an hour after the attempts so far. */
export const retryDelay = (attempts: number) => Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);

/**
 * Sends what is due in the outbox, one mail per transaction. The row stays
 * locked (FOR UPDATE SKIP LOCKED) while its mail is sent and is marked sent
 * in the same transaction, so two instances never send the same mail; a
 * failure records the server's answer and the next try. Only a crash
 * between the server's acceptance and the commit sends a mail again — with
 * the same Message-ID.
 */
export async function deliverOutbox(now = new Date(), smtpUrl = env().SMTP_URL): Promise<{ sent: number; failed: number }> {
  const outcome = { sent: 0, failed: 0 };
  if (!smtpUrl) return outcome;
  const tried = new Set<string>();
  for (;;) {
    const done = await db().$transaction(
      async (tx) => {
        const [mail] = await tx.$queryRaw<{ id: string; notificationId: string; to: string; subject: string; text: string; attempts: number }[]>`
          SELECT "id", "notificationId", "to", "subject", "text", "attempts" FROM "OutboxMail"
           WHERE "sentAt" IS NULL AND "nextAttemptAt" <= ${now} AND "attempts" < ${MAX_ATTEMPTS}
             AND NOT ("id" = ANY(${[...tried]}::text[]))
           ORDER BY "nextAttemptAt"
           LIMIT 1
           FOR UPDATE SKIP LOCKED`;
        if (!mail) return true;
        tried.add(mail.id);
        try {
          await deliverMail(smtpUrl, { to: mail.to, subject: mail.subject, text: mail.text, messageId: `<${mail.notificationId}@copydesk.notification>` });
          await tx.outboxMail.update({ where: { id: mail.id }, data: { sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
          outcome.sent += 1;
        } catch (error) {
          const attempts = mail.attempts + 1;
          const lastError = error instanceof Error ? error.message : String(error);
          await tx.outboxMail.update({ where: { id: mail.id }, data: { attempts, lastError, nextAttemptAt: new Date(now.getTime() + retryDelay(attempts)) } });
          outcome.failed += 1;
          if (jsonLogs()) logJson("mail", { status: "failed", attempts, error: lastError });
          else console.error(`[mail] attempt ${attempts} for ${mail.to} failed: ${lastError}`);
        }
        return false;
      },
      { timeout: 60_000 },
    );
    if (done) return outcome;
  }
}

const OUTBOX_INTERVAL_MS = 2_000;

/** With SMTP configured, sends the outbox now and every 2 s for the life of the process. */
export function startOutbox(): NodeJS.Timeout | null {
  if (!env().SMTP_URL) return null;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    await deliverOutbox().catch((error: unknown) => console.error("[mail] outbox run failed:", error instanceof Error ? error.message : error));
    running = false;
  };
  void run();
  const timer = setInterval(() => void run(), OUTBOX_INTERVAL_MS);
  timer.unref();
  return timer;
}

/** Mails that keep failing, for admins: who, what, how often, the server's last answer. */
export async function failingMail(viewer: Viewer) {
  if (!mayManageUsers(viewer)) throw forbidden();
  return db().outboxMail.findMany({
    where: { sentAt: null, attempts: { gte: FAILING_AFTER } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, to: true, subject: true, attempts: true, lastError: true, nextAttemptAt: true, createdAt: true },
  });
}
