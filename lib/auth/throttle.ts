import type { Db } from "@/lib/db";

/**
 * Password guesses are counted in PostgreSQL, so every app instance sees the
 * same counts and a restart forgets nothing. Three counters, each with its
 * own window and limit:
 * - `pair`: one account from one address — the one a guesser hits first;
 * - `address`: one address trying many accounts;
 * - `account`: one account from anywhere, a much higher ceiling, so someone
 *   elsewhere cannot lock a reporter out with ten wrong passwords, while a
 *   spread-out attack still meets a limit.
 * Every attempt is counted before the password is looked at, in the same
 * statement that says whether it may go on (so fifty parallel guesses count
 * fifty); a right password then takes its count back.
 */
export const LIMITS = {
  pair: { windowMs: 60_000, limit: 10, lockMs: 60_000 },
  address: { windowMs: 60_000, limit: 50, lockMs: 60_000 },
  account: { windowMs: 15 * 60_000, limit: 200, lockMs: 15 * 60_000 },
} as const;
export const SLOWING = { after: 3, stepMs: 250, maxMs: 2_000 } as const;

type Counter = keyof typeof LIMITS;
export interface ThrottleKey {
  key: string;
  counter: Counter;
}

export function throttleKeys(email: string, address: string): ThrottleKey[] {
  const account = email.trim().toLowerCase();
  return [
    { key: `pair:${account}|${address}`, counter: "pair" },
    { key: `ip:${address}`, counter: "address" },
    { key: `account:${account}`, counter: "account" },
  ];
}

export type AttemptVerdict = { allowed: true; pairCount: number } | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt on every key and says whether it may be checked at all; a key over its limit locks for its lock time. */
export async function countAttempt(db: Db, keys: ThrottleKey[], now: Date): Promise<AttemptVerdict> {
  let lockedUntil = 0;
  let pairCount = 0;
  for (const { key, counter } of keys) {
    const { windowMs, limit, lockMs } = LIMITS[counter];
    const windowStart = new Date(now.getTime() - windowMs);
    const [row] = await db.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
      INSERT INTO "AuthThrottle" ("key", "failures", "windowStart", "lockedUntil")
      VALUES (${key}, 1, ${now}, NULL)
      ON CONFLICT ("key") DO UPDATE SET
        "failures"    = CASE WHEN "AuthThrottle"."windowStart" <= ${windowStart} THEN 1 ELSE "AuthThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "AuthThrottle"."windowStart" <= ${windowStart} THEN ${now} ELSE "AuthThrottle"."windowStart" END,
        "lockedUntil" = CASE
          WHEN "AuthThrottle"."windowStart" > ${windowStart} AND "AuthThrottle"."failures" + 1 > ${limit}
           AND ("AuthThrottle"."lockedUntil" IS NULL OR "AuthThrottle"."lockedUntil" <= ${now})
          THEN ${new Date(now.getTime() + lockMs)} ELSE "AuthThrottle"."lockedUntil" END
      RETURNING "failures", "lockedUntil"`;
    if (row?.lockedUntil && row.lockedUntil > now) lockedUntil = Math.max(lockedUntil, row.lockedUntil.getTime());
    if (counter === "pair") pairCount = row?.failures ?? 0;
  }
  if (lockedUntil > 0) return { allowed: false, retryAfterSeconds: Math.ceil((lockedUntil - now.getTime()) / 1000) };
  return { allowed: true, pairCount };
}

/** A right password takes its attempt back: the pair starts afresh, the wider counters lose one. */
export async function forgiveAttempt(db: Db, keys: ThrottleKey[]): Promise<void> {
  for (const { key, counter } of keys) {
    if (counter === "pair") await db.authThrottle.deleteMany({ where: { key } });
    else await db.authThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
  }
}

/** How long to hold a wrong answer: nothing at first, then a growing pause. */
export function failureDelayMs(pairCount: number): number {
  return Math.min(SLOWING.maxMs, Math.max(0, pairCount - SLOWING.after) * SLOWING.stepMs);
}
