import { db } from "@/lib/db";
import type { Viewer } from "@/lib/policy";
import { findVisible } from "./find";
import { PRESENCE_TTL_MS } from "./presence-timing";

export { PRESENCE_BEAT_MS, PRESENCE_TTL_MS } from "./presence-timing";

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

/**
 * The viewer closed the story (the editor sends this as its tab goes away),
 * so others stop seeing their name with their next beat instead of after the
 * expiry. Only the viewer's own row goes, and the answer is the same whether
 * there was one or not: it tells nobody anything about a story they may not see.
 * The same person's other tab on the story puts the row back with its next beat.
 */
export async function leave(viewer: Viewer, articleId: string): Promise<void> {
  if (viewer.kind !== "staff") return;
  await db().articlePresence.deleteMany({ where: { articleId, userId: viewer.id } });
}
