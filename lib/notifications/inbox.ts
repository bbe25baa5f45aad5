import { z } from "zod";
import { db } from "@/lib/db";
import type { StaffViewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";

const INBOX_PAGE = 100;

const ReadInput = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1, "name at least one notification").max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
], { error: 'send { "ids": [...] } or { "all": true }' });

export const unreadCount = (viewer: StaffViewer) => db().notification.count({ where: { userId: viewer.id, readAt: null } });

/** The viewer's inbox, newest first, and how many are unread. */
export async function listNotifications(viewer: StaffViewer) {
  const [notifications, unread] = await Promise.all([
    db().notification.findMany({
      where: { userId: viewer.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: INBOX_PAGE,
      select: { id: true, kind: true, articleId: true, message: true, createdAt: true, readAt: true },
    }),
    unreadCount(viewer),
  ]);
  return { notifications, unread };
}

/** Marks some (only the viewer's own; others' ids change nothing) or all of the viewer's notifications read. */
export async function markRead(viewer: StaffViewer, input: unknown, now = new Date()) {
  const which = parseInput(ReadInput, input);
  const { count } = await db().notification.updateMany({
    where: { userId: viewer.id, readAt: null, ...("ids" in which && { id: { in: which.ids } }) },
    data: { readAt: now },
  });
  return { marked: count, unread: await unreadCount(viewer) };
}

/**
 * Opening a story is reading what the inbox said about it: the viewer's
 * unread notices for that story are marked read (the editor page calls this
 * once it has found the story visible to the viewer; only their own rows).
 */
export async function markStoryRead(viewer: StaffViewer, articleId: string, now = new Date()) {
  const { count } = await db().notification.updateMany({ where: { userId: viewer.id, articleId, readAt: null }, data: { readAt: now } });
  return count;
}
