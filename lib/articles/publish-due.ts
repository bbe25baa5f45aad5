import { db } from "@/lib/db";
import { DEFAULT_RULES, SYSTEM } from "@/lib/policy";
import { expireArticlePages, readerFacts } from "@/lib/reader/cache";
import type { ReaderFacts } from "@/lib/reader/tags";
import { findVisible } from "./find";
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
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Article"
       WHERE "status" = 'SCHEDULED' AND "scheduledFor" <= ${now}
       ORDER BY "scheduledFor"
       LIMIT ${BATCH}
       FOR UPDATE SKIP LOCKED`;
    const published: { id: string; before: ReaderFacts | null }[] = [];
    for (const { id } of due) {
      const article = await findVisible(tx, SYSTEM, id);
      const before = await readerFacts(tx, id);
      await applyMove(tx, SYSTEM, article, { action: "publish_scheduled" }, DEFAULT_RULES, now);
      published.push({ id, before });
    }
    return published;
  });
  for (const { id, before } of published) {
    // The pages' own lifetime still ends stale copies if this fails; say so loudly.
    await expireArticlePages(before, id).catch((error: unknown) =>
      console.error("[scheduler] could not expire reader pages:", error instanceof Error ? error.message : error),
    );
  }
  return published.map((story) => story.id);
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
