import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";

/**
 * Password guesses are counted in PostgreSQL, so every app instance sees the
 * same counts and a restart forgets nothing. Two counters refuse:
 * - `pair`: one account from one address — the one a guesser hits first;
 * - `address`: one address trying many accounts.
 * Over either limit the address waits out a lock, and its further attempts
 * are refused without being counted anywhere: a refused attempt never saw
 * the password, so it is no evidence against the account.
 *
 * The third, one account from anywhere, only slows (ACCOUNT_SLOWING): a
 * counter every stranger can raise must never become a lock, or anyone with
 * one address could keep a reporter out (issue #22, item 6). Past its
 * threshold every attempt on the account waits a little longer, up to a few
 * seconds — the right password from a fresh address still gets in.
 *
 * All three are read and counted in one transaction holding a lock per key
 * (taken in one order, so two attempts cannot deadlock): fifty simultaneous
 * guesses from one address get exactly `pair.limit` checks between them.
 */
export const LIMITS = {
  pair: { windowMs: 60_000, limit: 10, lockMs: 60_000 },
  address: { windowMs: 60_000, limit: 50, lockMs: 60_000 },
} as const;
/** One account from anywhere: past `after` attempts in the window, each attempt waits one more step, at most `maxMs`. */
export const ACCOUNT_SLOWING = { windowMs: 15 * 60_000, after: 20, stepMs: 250, maxMs: 3_000 } as const;
/** One account from one address: a wrong answer is held a growing moment. */
export const SLOWING = { after: 3, stepMs: 250, maxMs: 2_000 } as const;

type Counter = keyof typeof LIMITS | "account";
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

export type AttemptVerdict = { allowed: true; pairCount: number; accountDelayMs: number } | { allowed: false; retryAfterSeconds: number };

const windowOf = (counter: Counter) => (counter === "account" ? ACCOUNT_SLOWING.windowMs : LIMITS[counter].windowMs);

/** A 64-bit advisory lock id per key (from its SHA-256), so attempts on one key take turns in PostgreSQL. */
const lockIdOf = (key: string) => createHash("sha256").update(key).digest().readBigInt64BE(0);

/**
 * Decides whether one attempt may be checked, and counts it only if so:
 * refused attempts change nothing but the lock they run into.
 */
export async function countAttempt(db: Db, keys: ThrottleKey[], now: Date): Promise<AttemptVerdict> {
  // Locks taken in one order by everyone cannot deadlock; advisory ones need no row to exist yet, and the
  // sweep deleting a spent row meanwhile changes nothing (a spent row reads as a fresh window anyway).
  const lockIds = [...new Set(keys.map(({ key }) => lockIdOf(key)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return db.$transaction(
    async (tx) => {
      for (const id of lockIds) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${id})`;
      const found = await tx.authThrottle.findMany({ where: { key: { in: keys.map(({ key }) => key) } } });
      const rows = new Map(found.map((row) => [row.key, row]));
      // Within its window a counter goes on; a spent window (or no row) starts again at zero.
      const current = keys.map(({ key, counter }) => {
        const row = rows.get(key);
        const fresh = !row || row.windowStart.getTime() <= now.getTime() - windowOf(counter);
        return { key, counter, failures: fresh ? 0 : row.failures, windowStart: fresh ? now : row.windowStart, lockedUntil: row?.lockedUntil ?? null };
      });
      const save = (entry: (typeof current)[number]) => tx.$executeRaw`
        INSERT INTO "AuthThrottle" ("key", "failures", "windowStart", "lockedUntil") VALUES (${entry.key}, ${entry.failures}, ${entry.windowStart}, ${entry.lockedUntil})
        ON CONFLICT ("key") DO UPDATE SET "failures" = EXCLUDED."failures", "windowStart" = EXCLUDED."windowStart", "lockedUntil" = EXCLUDED."lockedUntil"`;

      let lockedUntil = 0;
      for (const entry of current) {
        if (entry.counter === "account") continue;
        if (entry.lockedUntil && entry.lockedUntil > now) {
          lockedUntil = Math.max(lockedUntil, entry.lockedUntil.getTime());
        } else if (entry.failures >= LIMITS[entry.counter].limit) {
          entry.lockedUntil = new Date(now.getTime() + LIMITS[entry.counter].lockMs);
          await save(entry);
          lockedUntil = Math.max(lockedUntil, entry.lockedUntil.getTime());
        }
      }
      if (lockedUntil > 0) return { allowed: false as const, retryAfterSeconds: Math.ceil((lockedUntil - now.getTime()) / 1000) };

      for (const entry of current) await save({ ...entry, failures: entry.failures + 1 });
      const count = (counter: Counter) => (current.find((entry) => entry.counter === counter)?.failures ?? 0) + 1;
      return { allowed: true as const, pairCount: count("pair"), accountDelayMs: accountDelayMs(count("account")) };
    },
    // Fifty attempts at once queue for a connection: they wait their turn rather than fail.
    { maxWait: 15_000, timeout: 15_000 },
  );
}

/** A right password takes its attempt back: the pair starts afresh, the wider counters lose one. */
export async function forgiveAttempt(db: Db, keys: ThrottleKey[]): Promise<void> {
  for (const { key, counter } of keys) {
    if (counter === "pair") await db.authThrottle.deleteMany({ where: { key } });
    else await db.authThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
  }
}

/** How long to hold a wrong answer from one address: nothing at first, then a growing pause. */
export function failureDelayMs(pairCount: number): number {
  return Math.min(SLOWING.maxMs, Math.max(0, pairCount - SLOWING.after) * SLOWING.stepMs);
}

/** How long any attempt on an account waits, this one being the `attempt`-th of the window: a slow-down with a ceiling, never a lock. */
export function accountDelayMs(attempt: number): number {
  return Math.min(ACCOUNT_SLOWING.maxMs, Math.max(0, attempt - ACCOUNT_SLOWING.after) * ACCOUNT_SLOWING.stepMs);
}

/**
 * Counts one request on a single counter, atomically, and says whether it is
 * within `limit` per `windowMs`; a refused request is not counted. For limits
 * of one key (the "Forgot password?" requests of one address).
 */
export async function claimOne(db: Db, key: string, { windowMs, limit }: { windowMs: number; limit: number }, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowStart = new Date(now.getTime() - windowMs);
  // The WHERE on the conflict makes a full counter return no row: nothing is written, and the caller is refused.
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "AuthThrottle" ("key", "failures", "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures"    = CASE WHEN "AuthThrottle"."windowStart" <= ${windowStart} THEN 1 ELSE "AuthThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "AuthThrottle"."windowStart" <= ${windowStart} THEN ${now} ELSE "AuthThrottle"."windowStart" END
    WHERE "AuthThrottle"."windowStart" <= ${windowStart} OR "AuthThrottle"."failures" < ${limit}
    RETURNING "failures"`;
  if (rows.length > 0) return { allowed: true, retryAfterSeconds: 0 };
  const row = await db.authThrottle.findUnique({ where: { key } });
  const endsAt = (row?.windowStart.getTime() ?? now.getTime()) + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}

/** Counters whose every window has ended and which hold no lock: nothing remembers them any more. */
export const LONGEST_WINDOW_MS = 60 * 60_000;

/** The sweep's part (lib/jobs/sweep.ts): forgets spent counters. */
export async function forgetSpentCounters(db: Db, now: Date): Promise<number> {
  const { count } = await db.authThrottle.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - LONGEST_WINDOW_MS) }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });
  return count;
}
