import { db } from "@/lib/db";
import type { Viewer } from "@/lib/policy";
import { findVisible } from "./find";

export const PRESENCE_TTL_MS = 45_000;

/** Records that the viewer has the article open and returns who else does. A warning, never a lock. */
export async function heartbeat(viewer: Viewer, articleId: string, now = new Date()): Promise<{ id: string; name: string }[]> {
  if (viewer.kind !== "staff") return [];
  const article = await findVisible(db(), viewer, articleId);
  await db().articlePresence.upsert({
    where: { articleId_userId: { articleId: article.id, userId: viewer.id } },
    update: { seenAt: now },
    create: { articleId: article.id, userId: viewer.id, seenAt: now },
  });
  const others = await db().articlePresence.findMany({
    where: { articleId: article.id, userId: { not: viewer.id }, seenAt: { gt: new Date(now.getTime() - PRESENCE_TTL_MS) } },
    select: { userId: true },
  });
  if (others.length === 0) return [];
  return db().user.findMany({ where: { id: { in: others.map((o) => o.userId) } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
