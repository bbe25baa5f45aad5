import { sweepLapsedSessions } from "@/lib/auth/sessions";
import { forgetSpentCounters } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { jsonLogs, logJson } from "@/lib/log.js";
import { warnOfPhotoRights } from "@/lib/media/rights-warnings";

/**
 * Rows whose time is over, which nothing else removes (issue #22, item 7):
 * lapsed sessions (their cookie may never come back to end them), spent
 * sign-in and reset counters (one row per address and account ever tried),
 * and expired share links (their token hash has no use once they stop
 * working). Each instance sweeps on its own; the deletes are idempotent, so
 * two at once only find less to do.
 */
export const SWEEP_EVERY_MS = 10 * 60_000;

export interface Swept {
  sessions: number;
  throttleCounters: number;
  shareLinks: number;
  /** photos on live stories whose rights lapse within the week (or have): every editor was told, once */
  photoRightsWarnings: number;
}

/** One sweep at `now`: what each table lost. */
export async function sweepExpired(now = new Date()): Promise<Swept> {
  const sessions = await sweepLapsedSessions(now);
  const throttleCounters = await forgetSpentCounters(db(), now);
  // previewedArticleId refuses an expired link already; the row only keeps its hash around.
  const { count: shareLinks } = await db().articlePreview.deleteMany({ where: { expiresAt: { lte: now } } });
  // Not a deletion, but the same clock: once per photo and expiry day, whichever instance gets there first.
  const photoRightsWarnings = await warnOfPhotoRights(now);
  return { sessions, throttleCounters, shareLinks, photoRightsWarnings };
}

/** Sweeps now and every SWEEP_EVERY_MS for the life of the process; a run still going skips the next tick. */
export function startSweep(): NodeJS.Timeout {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    const started = performance.now();
    try {
      const swept = await sweepExpired();
      if (jsonLogs()) logJson("sweep", { status: "ok", ...swept, ms: Math.round(performance.now() - started) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (jsonLogs()) logJson("sweep", { status: "failed", error: message });
      else console.error("[sweep] failed:", message);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), SWEEP_EVERY_MS);
  timer.unref();
  return timer;
}
