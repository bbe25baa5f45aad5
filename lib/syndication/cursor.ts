import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * The syndication cursor: a point in the partners' log (OutboundEvent.seq,
 * numbered in commit order), signed with the app secret so a partner can
 * only hand back a point we gave out. A made-up, edited, negative or
 * oversized number is refused (400) rather than read as "from there": a
 * partner who skipped ahead would silently miss changes, one who went back
 * would get them again without knowing why.
 *
 * Shape: `sc1_<seq>_<22 characters of base64url HMAC-SHA256>`. `sc1` names
 * the format, so a future one can be told apart.
 */
const PREFIX = "sc1";
const CURSOR = /^sc1_(0|[1-9][0-9]{0,18})_([A-Za-z0-9_-]{22})$/;
const MAX_SEQ = 2n ** 63n - 1n; // PostgreSQL's bigint

const signatureOf = (seq: bigint) =>
  createHmac("sha256", env().NEXTAUTH_SECRET ?? "development").update(`copydesk.syndication.cursor:${seq}`).digest().subarray(0, 16).toString("base64url");

/** The cursor for the point just after event number `seq` (0: the beginning). */
export function cursorAt(seq: bigint): string {
  return `${PREFIX}_${seq}_${signatureOf(seq)}`;
}

/** The event number a cursor we gave out stands for; no cursor is the beginning. Anything else is a 400. */
export function readCursor(given: string | null): bigint {
  if (given === null) return 0n;
  const match = CURSOR.exec(given);
  const seq = match ? BigInt(match[1]!) : null;
  if (!match || seq === null || seq > MAX_SEQ || !sameSignature(match[2]!, signatureOf(seq))) {
    throw new AppError("VALIDATION", "since: not a cursor this feed gave out. Pass the `next` of an earlier page, or leave `since` out to start from the beginning.", { field: "since" });
  }
  return seq;
}

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
