import { db } from "@/lib/db";
import { jsonLogs, logJson } from "@/lib/log.js";
import { alertEditors } from "@/lib/notifications";
import { DEFAULT_RULES, SYSTEM } from "@/lib/policy";
import { expireArticlePages, readerFacts } from "@/lib/reader/cache";
import { findVisible } from "./find";
import { applyMove } from "./transition";

const BATCH = 50;

/**
 * The scheduler: due articles are claimed one at a time with FOR UPDATE
 * SKIP LOCKED, so several app instances sweeping at once each take
 * different rows, and the move itself still checks the from-state, so an
 * article goes live exactly once. Each publish is its own transaction: one
 * story that cannot go out holds up no other, and every editor hears of it
 * (`alertMissedSchedules`). Nothing lives in memory: after a restart the
 * next sweep finds whatever came due meanwhile.
 */
export async function publishDueArticles(now = new Date()): Promise<string[]> {
  await alertMissedSchedules(now);
  const published: string[] = [];
  const failed: string[] = [];
  while (published.length + failed.length < BATCH) {
    let claimed: string | null = null;
    try {
      const done = await db().$transaction(async (tx) => {
        const [due] = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Article"
           WHERE "status" = 'SCHEDULED' AND "scheduledFor" <= ${now} AND NOT ("id" = ANY(${failed}::text[]))
           ORDER BY "scheduledFor"
           LIMIT 1
           FOR UPDATE SKIP LOCKED`;
        if (!due) return null;
        claimed = due.id;
        const before = await readerFacts(tx, due.id);
        await applyMove(tx, SYSTEM, await findVisible(tx, SYSTEM, due.id), { action: "publish_scheduled" }, DEFAULT_RULES, now);
        return { id: due.id, before };
      });
      if (!done) break;
      published.push(done.id);
      // The pages' own lifetime still ends stale copies if this fails; say so loudly.
      await expireArticlePages(done.before, done.id).catch((error: unknown) =>
        console.error("[scheduler] could not expire reader pages:", error instanceof Error ? error.message : error),
      );
    } catch (error) {
      if (claimed === null) throw error;
      failed.push(claimed);
      await recordFailedPublish(claimed, error instanceof Error ? error.message : String(error), now);
    }
  }
  return published;
}

/** A scheduled story more than this late has missed its slot: every editor is told, once. */
export const MISSED_AFTER_MS = 2 * 60_000;

const alertFacts = { id: true, headline: true, slugLine: true, authorId: true, assigneeId: true, editorId: true, scheduledFor: true } as const;

/** Stories still scheduled well past their time (the scheduler was down, or their publish keeps failing). */
async function alertMissedSchedules(now: Date) {
  await db().$transaction(async (tx) => {
    const late = await tx.article.findMany({
      where: { status: "SCHEDULED", scheduleAlertAt: null, scheduledFor: { lt: new Date(now.getTime() - MISSED_AFTER_MS) } },
      select: alertFacts,
    });
    for (const story of late) {
      const minutes = Math.round((now.getTime() - story.scheduledFor!.getTime()) / 60_000);
      const problem = `it is ${minutes} minutes late.`;
      const { count } = await tx.article.updateMany({ where: { id: story.id, status: "SCHEDULED", scheduleAlertAt: null }, data: { scheduleAlertAt: now, scheduleProblem: problem } });
      if (count === 1) await alertEditors(tx, { ...story, scheduledFor: story.scheduledFor! }, problem, now);
    }
  });
}

/**
 * What went wrong, in the database's own words: Prisma wraps them in lines
 * about the call ("Invalid … invocation: …") or in "Database error. Code:
 * `P0001`. Message: `…`".
 */
function causeOf(reason: string): string {
  const wrapped = /Message: `([^`]*)`/.exec(reason)?.[1];
  return (wrapped ?? reason.trim().split("\n").filter((line) => line.trim()).at(-1) ?? "no reason given").trim();
}

/** A publish that failed: the reason is kept for the dashboard, and the first failure of a scheduling alerts every editor. */
async function recordFailedPublish(id: string, reason: string, now: Date) {
  const cause = causeOf(reason);
  const problem = `the publish failed (${cause.slice(0, 300)}).`;
  if (jsonLogs()) logJson("scheduler", { status: "publish_failed", articleId: id, error: problem });
  else console.error(`[scheduler] scheduled publish of ${id} failed: ${cause}`);
  await db().$transaction(async (tx) => {
    const first = await tx.article.updateMany({ where: { id, status: "SCHEDULED", scheduleAlertAt: null }, data: { scheduleAlertAt: now, scheduleProblem: problem } });
    if (first.count === 1) {
      const story = await tx.article.findUniqueOrThrow({ where: { id }, select: alertFacts });
      await alertEditors(tx, { ...story, scheduledFor: story.scheduledFor! }, problem, now);
    } else {
      await tx.article.updateMany({ where: { id, status: "SCHEDULED" }, data: { scheduleProblem: problem } });
    }
  });
}

export const SWEEP_INTERVAL_MS = 15_000;
/** A sweep overdue by more than this makes the instance unhealthy (/api/health). */
export const LATE_AFTER_MS = MISSED_AFTER_MS;

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
