import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/passwords";
import { countAttempt, failureDelayMs, forgiveAttempt, throttleKeys } from "./throttle";

export const WRONG_CREDENTIALS = "Wrong email or password.";

// A real argon2id hash of a random string: unknown emails cost the same time as wrong passwords.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$4SDrPdQAbquMW3NcsRxBhg$dHgxTR1B1NvnaGBPvkbC+JFvMx8f1ZgSY5vuwdKZj6I";

export interface PasswordAttempt {
  email: string;
  password: string;
  /** the client's address (lib/auth/client-address.ts), for the per-address limits */
  address: string;
}

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError("RATE_LIMITED", `Too many failed attempts. Try again in ${retryAfterSeconds} seconds.`, { retryAfter: retryAfterSeconds });

/**
 * Checks a password against an account, under the attempt limits
 * (lib/auth/throttle.ts): the attempt is counted first, and over the
 * address's limits the password is not even looked at (nor the attempt
 * counted). An account under attack from elsewhere only makes the attempt
 * wait — its owner gets in, a little later. Sign-in and the Account page's
 * current-password check both come here. Returns the user when the password
 * is right; null when it is not (or the account is unknown, disabled or has
 * no password — all the same answer).
 */
export async function checkPassword(db: Db, attempt: PasswordAttempt, now = new Date(), pause: (ms: number) => Promise<unknown> = sleep) {
  const email = attempt.email.trim().toLowerCase();
  const keys = throttleKeys(email, attempt.address);
  const verdict = await countAttempt(db, keys, now);
  if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds);
  // Before the answer is known, so the wait says nothing about the password.
  if (verdict.accountDelayMs > 0) await pause(verdict.accountDelayMs);
  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, attempt.password);
  if (!user || !valid || user.disabled || !user.passwordHash) {
    await pause(failureDelayMs(verdict.pairCount));
    return null;
  }
  await forgiveAttempt(db, keys);
  return user;
}

/** Sign-in: a wrong password, an unknown email and a disabled account all get the same answer. */
export async function authenticate(db: Db, attempt: PasswordAttempt, now = new Date(), pause?: (ms: number) => Promise<unknown>): Promise<{ id: string }> {
  const user = await checkPassword(db, attempt, now, pause);
  if (!user) throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  return { id: user.id };
}
