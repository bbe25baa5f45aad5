import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/passwords";
import { addressKey, clearFailures, emailKey, failureDelayMs, lockedUntil, recordFailure } from "./throttle";

export const WRONG_CREDENTIALS = "Wrong email or password.";

// A real argon2id hash of a random string: unknown emails cost the same time as wrong passwords.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$4SDrPdQAbquMW3NcsRxBhg$dHgxTR1B1NvnaGBPvkbC+JFvMx8f1ZgSY5vuwdKZj6I";

export interface SignInAttempt {
  email: string;
  password: string;
  /** the client's address, for the per-address limit */
  address: string;
}

export interface Authenticated {
  id: string;
}

/**
 * Checks a sign-in. A wrong password, an unknown email and a disabled
 * account all get the same answer, so the form cannot be used to find out
 * who works here. A locked email or address is refused before the password
 * is even looked at.
 */
export async function authenticate(
  db: Db,
  attempt: SignInAttempt,
  now = new Date(),
  pause: (ms: number) => Promise<unknown> = sleep,
): Promise<Authenticated> {
  const email = attempt.email.trim().toLowerCase();
  const keys = [emailKey(email), addressKey(attempt.address)];
  const until = await lockedUntil(db, keys, now);
  if (until) {
    const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
    throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${seconds} seconds.`, { retryAfter: seconds });
  }
  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, attempt.password);
  if (!user || !valid || user.disabled || !user.passwordHash) {
    const failures = await recordFailure(db, keys, now);
    await pause(failureDelayMs(failures));
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  await clearFailures(db, emailKey(email));
  return { id: user.id };
}
