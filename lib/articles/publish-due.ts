import { db } from "@/lib/db";
import { jsonLogs, logJson } from "@/lib/log.js";
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
/** A sweep overdue by more than this makes the instance unhealthy (/api/health). */
export const LATE_AFTER_MS = 2 * 60_000;

/** When this process's scheduler started, and when a sweep last completed without error. */
export interface SchedulerState {
  startedAt: number;
  lastRunAt: number | null;
  lastError: string | null;
}

// The scheduler runs from instrumentation.ts and the health route reads it: two module instances, one process.
const STATE = Symbol.for("copydesk.scheduler");
const shared = globalThis as { [STATE]?: SchedulerState };

/** This process's scheduler, or null when none was started here. */
export const schedulerState = (): SchedulerState | null => shared[STATE] ?? null;

/** Late: the sweep after the last good one (or after the start) is overdue by more than LATE_AFTER_MS. */
export function schedulerLate(state: SchedulerState | null, now = Date.now()): boolean {
  if (!state) return true;
  return now - ((state.lastRunAt ?? state.startedAt) + SWEEP_INTERVAL_MS) > LATE_AFTER_MS;
}

/** Runs the sweep now and every 15 s for the life of the process; one JSON line per sweep with LOG_FORMAT=json. */
export function startScheduler(): NodeJS.Timeout {
  const state: SchedulerState = (shared[STATE] = { startedAt: Date.now(), lastRunAt: null, lastError: null });
  const sweep = async () => {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const ids = await publishDueArticles();
      state.lastRunAt = Date.now();
      state.lastError = null;
      if (jsonLogs()) logJson("scheduler", { status: "ok", published: ids.length, ms: ms() });
      else if (ids.length > 0) console.log(`[scheduler] published ${ids.length} scheduled article(s)`);
    } catch (error) {
      state.lastError = error instanceof Error ? error.message : String(error);
      if (jsonLogs()) logJson("scheduler", { status: "failed", error: state.lastError, ms: ms() });
      else console.error("[scheduler] sweep failed:", state.lastError);
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  timer.unref();
  return timer;
}
