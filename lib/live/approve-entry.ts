import { db } from "@/lib/db";
import { assertAllowed, findVisible } from "@/lib/articles/find";
import type { Viewer } from "@/lib/policy";
import { newsroomRules } from "@/lib/settings";
import { parseInput } from "@/lib/validation";
import { enforceEntryChecks, entrySelect, expireLiveBlog, findEntry, liveSlugOf, recordEntryEvent } from "./entry";
import { EntryRef } from "./schemas";

/** An editor posts an entry that waited in the queue: readers get it now, timed now. */
export async function approveEntry(viewer: Viewer, input: unknown, now = new Date()) {
  const { articleId, entryId } = parseInput(EntryRef, input);
  const result = await db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    const entry = await findEntry(tx, articleId, entryId);
    assertAllowed(viewer, "approve_entry", article, await newsroomRules(tx), entry);
    await enforceEntryChecks(tx, entry.body);
    const posted = await tx.liveEntry.update({ where: { id: entryId }, data: { status: "POSTED", postedAt: now, version: { increment: 1 } }, select: entrySelect });
    await recordEntryEvent(tx, viewer, article, "approve_entry", entryId);
    return { entry: posted, slug: await liveSlugOf(tx, articleId) };
  });
  await expireLiveBlog(result.slug);
  return result.entry;
}
