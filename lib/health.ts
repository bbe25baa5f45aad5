import { db, type Db } from "@/lib/db";
import { schedulerLate, schedulerState, type SchedulerState } from "@/lib/articles/publish-due";

export interface Health {
  ok: boolean;
  database: "up" | "down";
  scheduler: { lastRun: string | null; late: boolean };
}

const TIMEOUT_MS = 2_000;

/**
 * Healthy: the database answers `SELECT 1` within two seconds, and this
 * process's scheduler has not missed its sweeps by more than two minutes
 * (a scheduled story would otherwise wait unseen).
 */
export async function checkHealth(client: () => Db = db, scheduler: SchedulerState | null = schedulerState(), now = Date.now()): Promise<Health> {
  const late = schedulerLate(scheduler, now);
  const lastRun = scheduler?.lastRunAt ? new Date(scheduler.lastRunAt).toISOString() : null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS);
  });
  try {
    await Promise.race([client().$queryRaw`SELECT 1`, timeout]);
    return { ok: !late, database: "up", scheduler: { lastRun, late } };
  } catch (error) {
    console.error("[health] database check failed:", error instanceof Error ? error.message : error);
    return { ok: false, database: "down", scheduler: { lastRun, late } };
  } finally {
    clearTimeout(timer);
  }
}
