import { db } from "@/lib/db";
import type { Article } from "@/lib/generated/prisma/client";
import { SYSTEM } from "@/lib/policy";
import { expireArticlePages } from "@/lib/reader-cache";
import { applyMove } from "./transition";

const BATCH = 50;

/**
 * The scheduler: a row-locked sweep. Due articles are claimed with
 * FOR UPDATE SKIP LOCKED, so several app instances sweeping at once each take
 * different rows, and the move itself still checks the from-state, so an
 * article goes live exactly once. Nothing lives in memory: after a restart
 * the next sweep finds whatever came due meanwhile.
 */
export async function publishDueArticles(now = new Date()): Promise<string[]> {
  const published = await db().$transaction(async (tx) => {
    const due = await tx.$queryRaw<Article[]>`
      SELECT * FROM "Article"
       WHERE "status" = 'SCHEDULED' AND "scheduledFor" <= ${now}
       ORDER BY "scheduledFor"
       LIMIT ${BATCH}
       FOR UPDATE SKIP LOCKED`;
    const published: string[] = [];
    for (const article of due) {
      await applyMove(tx, SYSTEM, article, { action: "publish_scheduled" }, now);
      published.push(article.id);
    }
    return published;
  });
  for (const id of published) {
    // The pages' own lifetime still ends stale copies if this fails; say so loudly.
    await expireArticlePages(null, id).catch((error: unknown) =>
      console.error("[scheduler] could not expire reader pages:", error instanceof Error ? error.message : error),
    );
  }
  return published;
}

export const SWEEP_INTERVAL_MS = 15_000;

/** Runs the sweep now and every 15 s for the life of the process. */
export function startScheduler(log: (line: string) => void = console.log): NodeJS.Timeout {
  const sweep = () =>
    publishDueArticles()
      .then((ids) => ids.length > 0 && log(`[scheduler] published ${ids.length} scheduled article(s)`))
      .catch((error: unknown) => console.error("[scheduler] sweep failed:", error instanceof Error ? error.message : error));
  void sweep();
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();
  return timer;
}
