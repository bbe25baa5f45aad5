import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db, type Db } from "@/lib/db";
import { env, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mayManageUsers, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";

/**
 * Sessions as rows (table Session). The cookie (next-auth's encrypted JWT)
 * carries a random secret; the row's id is its hash. A session counts while
 * its row exists, it was used within the idle lifetime, and it is younger
 * than the absolute one — so ending it is deleting the row, and every copy
 * of the cookie stops working on its next request.
 */
export function sessionLifetimes(config: Env = env()) {
  return { idleMs: config.SESSION_IDLE_HOURS * 60 * 60 * 1000, maxMs: config.SESSION_MAX_DAYS * 24 * 60 * 60 * 1000 };
}

/** Last-seen times are written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;
const idOf = (secret: string) => createHash("sha256").update(secret).digest("hex");
type Client = Pick<Db, "session"> | Pick<Prisma.TransactionClient, "session">;

/** A new session for someone who just proved who they are; returns the secret for the cookie. */
export async function startSession(userId: string, device: { userAgent: string; address: string }, now = new Date()): Promise<string> {
  const secret = randomBytes(32).toString("base64url");
  await db().session.create({
    data: {
      id: idOf(secret),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionLifetimes().maxMs),
      userAgent: device.userAgent.slice(0, 300),
      address: device.address.slice(0, 100),
    },
  });
  return secret;
}

/** The user a session secret belongs to while the session counts; a lapsed session is removed. */
export async function sessionUser(secret: string, now = new Date()) {
  const session = await db().session.findUnique({ where: { id: idOf(secret) }, include: { user: true } });
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > sessionLifetimes().idleMs || now >= session.expiresAt) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return session.user;
}

/**
 * The sweep's part (lib/jobs/sweep.ts): sessions past their idle or absolute
 * lifetime — the same test sessionUser makes — whose cookie was never
 * presented again to remove them.
 */
export async function sweepLapsedSessions(now = new Date()): Promise<number> {
  const idleSince = new Date(now.getTime() - sessionLifetimes().idleMs);
  const { count } = await db().session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lt: idleSince } }] } });
  return count;
}

/** Signing out: this session ends, for every copy of its cookie. */
export async function endSession(secret: string): Promise<void> {
  await db().session.deleteMany({ where: { id: idOf(secret) } });
}

/** Every session of a person ends (a password change, a reset, disabling), inside the caller's transaction. */
export async function endSessionsOf(client: Client, userId: string): Promise<number> {
  return (await client.session.deleteMany({ where: { userId } })).count;
}

function assertMayManageSessions(viewer: Viewer, userId: string) {
  const own = viewer.kind === "staff" && viewer.id === userId;
  if (!own && !mayManageUsers(viewer)) throw new AppError("FORBIDDEN", "Only admins see or end other people's sessions.");
}

/**
 * How a session is named on pages and in forms: a hash of its row id, so the
 * page never carries the row id itself (one step from the cookie's secret).
 */
const handleOf = (id: string) => createHash("sha256").update(`session-handle:${id}`).digest("base64url").slice(0, 22);

export interface SessionSummary {
  /** names the session to endSessionOf; not its row id */
  handle: string;
  startedAt: Date;
  lastSeenAt: Date;
  userAgent: string;
  address: string;
  /** the session of the request asking ("This device") */
  current: boolean;
}

const counting = (userId: string, now: Date) =>
  ({ userId, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - sessionLifetimes().idleMs) } }) satisfies Prisma.SessionWhereInput;

/**
 * A person's sessions that still count, newest first: for themselves and for
 * admins. `currentSecret` is the asking request's own session secret, which
 * marks "This device".
 */
export async function listSessions(viewer: Viewer, userId: string, { now = new Date(), currentSecret }: { now?: Date; currentSecret?: string | null } = {}): Promise<SessionSummary[]> {
  assertMayManageSessions(viewer, userId);
  const rows = await db().session.findMany({ where: counting(userId, now), orderBy: { lastSeenAt: "desc" } });
  const current = currentSecret ? idOf(currentSecret) : null;
  return rows.map((row) => ({
    handle: handleOf(row.id),
    startedAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    userAgent: row.userAgent,
    address: row.address,
    current: row.id === current,
  }));
}

const HandleInput = z.string().regex(/^[\w-]{22}$/, "must name a session");

/**
 * One session of a person ends (themselves from the Account page, or an
 * admin), for every copy of its cookie. Says whether it was the asking
 * request's own session, which then must sign out.
 */
export async function endSessionOf(viewer: Viewer, userId: string, handle: unknown, currentSecret?: string | null): Promise<{ current: boolean }> {
  assertMayManageSessions(viewer, userId);
  const wanted = parseInput(HandleInput, handle);
  // A person has a handful of sessions: the handle is matched here rather than stored.
  const rows = await db().session.findMany({ where: { userId }, select: { id: true } });
  const row = rows.find((one) => handleOf(one.id) === wanted);
  if (!row) throw new AppError("NOT_FOUND", "That session has already ended.");
  await db().session.deleteMany({ where: { id: row.id, userId } });
  return { current: currentSecret ? idOf(currentSecret) === row.id : false };
}

/** "End all sessions" (one's own) or an admin ending someone's sessions. */
export async function endAllSessions(viewer: Viewer, userId: string): Promise<number> {
  assertMayManageSessions(viewer, userId);
  return endSessionsOf(db(), userId);
}
