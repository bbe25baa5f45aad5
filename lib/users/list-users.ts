import { sessionLifetimes } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { mayManageUsers, type Viewer } from "@/lib/policy";
import { toPublicUser, type PublicUser } from "./public-user";

export interface ListedUser extends PublicUser {
  /** sessions that still count, and when any of them was last used */
  activeSessions: number;
  lastSeenAt: Date | null;
}

export async function listUsers(viewer: Viewer, now = new Date()): Promise<ListedUser[]> {
  if (!mayManageUsers(viewer)) throw forbidden("Only admins manage users.");
  const [users, sessions] = await Promise.all([
    db().user.findMany({ where: { machine: false }, orderBy: [{ disabled: "asc" }, { name: "asc" }] }),
    db().session.groupBy({
      by: ["userId"],
      where: { expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - sessionLifetimes().idleMs) } },
      _count: { _all: true },
      _max: { lastSeenAt: true },
    }),
  ]);
  const byUser = new Map(sessions.map((row) => [row.userId, row]));
  return users.map((user) => ({
    ...toPublicUser(user),
    activeSessions: byUser.get(user.id)?._count._all ?? 0,
    lastSeenAt: byUser.get(user.id)?._max.lastSeenAt ?? null,
  }));
}
