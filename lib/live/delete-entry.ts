import { db } from "@/lib/db";
import { assertAllowed, findVisible } from "@/lib/articles/find";
import type { Viewer } from "@/lib/policy";
import { newsroomRules } from "@/lib/settings";
import { parseInput } from "@/lib/validation";
import { entryLabel, expireLiveBlog, findEntry, liveSlugOf, recordEntryEvent } from "./entry";
import { DeleteEntryInput } from "./schemas";

/**
 * Takes an entry off every reader surface. The row stays (DELETED, with who,
 * when and why) and the story's history names it, so nothing a reader once
 * saw disappears without a trace.
 */
export async function deleteEntry(viewer: Viewer, input: unknown, now = new Date()) {
  const { articleId, entryId, reason } = parseInput(DeleteEntryInput, input);
  if (viewer.kind !== "staff") throw new Error("unreachable: entries are deleted by staff");
  const slug = await db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    const entry = await findEntry(tx, articleId, entryId);
    assertAllowed(viewer, "delete_entry", article, await newsroomRules(tx), entry);
    await tx.liveEntry.update({ where: { id: entryId }, data: { status: "DELETED", pinned: false, deletedAt: now, deletedById: viewer.id, deleteReason: reason, version: { increment: 1 } } });
    await recordEntryEvent(tx, viewer, article, "delete_entry", entryId, `"${entryLabel(entry)}": ${reason}`);
    return entry.status === "POSTED" ? liveSlugOf(tx, articleId) : null;
  });
  await expireLiveBlog(slug);
  return { id: entryId, status: "DELETED" as const };
}
