import type { Db } from "@/lib/db";

/**
 * Failed sign-ins are counted per email and per client address in
 * PostgreSQL, so every app instance sees the same counts and a restart
 * forgets nothing. Within one window the answer slows down after a few
 * failures; at the limit the key is refused — even with the right
 * password — until the lock expires.
 */
export const THROTTLE = {
  windowMs: 60_000,
  lockMs: 60_000,
  emailLimit: 10,
  addressLimit: 50,
  slowAfter: 3,
  delayStepMs: 250,
  maxDelayMs: 2_000,
} as const;

export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

const limitFor = (key: string) => (key.startsWith("email:") ? THROTTLE.emailLimit : THROTTLE.addressLimit);

/** The latest moment any of the keys stays locked, or null when none is. */
export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db.authThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const times = rows.map((row) => row.lockedUntil!.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/** Counts one failure on each key in a single statement per key (safe under concurrency); returns the highest count. */
export async function recordFailure(db: Db, keys: string[], now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  let highest = 0;
  for (const key of keys) {
    const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
    const [row] = await db.$queryRaw<{ failures: number }[]>`
      INSERT INTO "AuthThrottle" ("key", "failures", "windowStart", "lockedUntil")
      VALUES (${key}, 1, ${now}, NULL)
      ON CONFLICT ("key") DO UPDATE SET
        "failures"    = CASE WHEN "AuthThrottle"."windowStart" <= ${windowStart} THEN 1 ELSE "AuthThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "AuthThrottle"."windowStart" <= ${windowStart} THEN ${now} ELSE "AuthThrottle"."windowStart" END,
        "lockedUntil" = CASE
          WHEN "AuthThrottle"."windowStart" > ${windowStart} AND "AuthThrottle"."failures" + 1 >= ${limitFor(key)}
          THEN ${lockUntil} ELSE "AuthThrottle"."lockedUntil" END
      RETURNING "failures"`;
    highest = Math.max(highest, row?.failures ?? 0);
  }
  return highest;
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key } });
}

/** How long to hold a failed answer: nothing at first, then a growing pause. */
export function failureDelayMs(failures: number): number {
  return Math.min(THROTTLE.maxDelayMs, Math.max(0, failures - THROTTLE.slowAfter) * THROTTLE.delayStepMs);
}
