import { db } from "@/lib/db";
import { mediaIdsOf } from "@/lib/articles/content";
import { assertAllowed, findVisible } from "@/lib/articles/find";
import { can, type Viewer } from "@/lib/policy";
import { newsroomRules } from "@/lib/settings";
import { parseInput } from "@/lib/validation";
import { assertPinFree, enforceEntryChecks, entryBody, entrySelect, expireLiveBlog, isPinRace, liveSlugOf, pinTaken, recordEntryEvent } from "./entry";
import { PostEntryInput } from "./schemas";

/**
 * A new entry on live coverage. Editors post it; the story's writers post it
 * too, unless the newsroom's approval rule is on: then it waits in the
 * story's queue (PENDING) until an editor posts it. Readers get a posted
 * entry of a live story at once: its pages are refreshed after the commit.
 */
export async function postEntry(viewer: Viewer, input: unknown, now = new Date()) {
  const { articleId, title, body, keyEvent, pinned } = parseInput(PostEntryInput, input);
  const document = entryBody(body);
  if (viewer.kind !== "staff") throw new Error("unreachable: entries are posted by staff");
  const result = await db()
    .$transaction(async (tx) => {
      const article = await findVisible(tx, viewer, articleId);
      const rules = await newsroomRules(tx);
      const direct = can(viewer, "post_entry", article, rules).ok;
      if (!direct) assertAllowed(viewer, "queue_entry", article, rules);
      const status = direct ? "POSTED" : "PENDING";
      if (direct) await enforceEntryChecks(tx, document);
      if (pinned) {
        assertAllowed(viewer, "pin_entry", article, rules, { status });
        await assertPinFree(tx, articleId);
      }
      const entry = await tx.liveEntry.create({
        data: { articleId, status, title, body: document, keyEvent, pinned, authorIds: [viewer.id], mediaIds: await mediaIdsOf(tx, null, document), createdAt: now, postedAt: direct ? now : null },
        select: entrySelect,
      });
      await recordEntryEvent(tx, viewer, article, direct ? "post_entry" : "queue_entry", entry.id, title || undefined);
      return { entry, slug: direct ? await liveSlugOf(tx, articleId) : null };
    })
    .catch((error: unknown) => {
      throw isPinRace(error) ? pinTaken() : error;
    });
  await expireLiveBlog(result.slug);
  return result.entry;
}
