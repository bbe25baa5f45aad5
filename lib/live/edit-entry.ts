import { db } from "@/lib/db";
import { mediaIdsOf } from "@/lib/articles/content";
import { assertAllowed, findVisible } from "@/lib/articles/find";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/policy";
import { newsroomRules } from "@/lib/settings";
import { parseInput } from "@/lib/validation";
import { assertPinFree, enforceEntryChecks, entryBody, expireLiveBlog, findEntry, isPinRace, liveSlugOf, pinTaken, recordEntryEvent } from "./entry";
import { EditEntryInput } from "./schemas";

/**
 * A change to an entry: its words, its key-event flag, its pin. It names the
 * version the person changed (compare-and-set: a second person's stale edit
 * is a 409 with the entry as it now stands). A posted entry's change goes
 * out at once; a change of its words marks it "Updated" for readers and adds
 * the person to its authors.
 */
export async function editEntry(viewer: Viewer, input: unknown, now = new Date()) {
  const { articleId, entryId, version, title, body, keyEvent, pinned } = parseInput(EditEntryInput, input);
  if (title === undefined && body === undefined && keyEvent === undefined && pinned === undefined) {
    throw new AppError("VALIDATION", "Send what changes: title, body, keyEvent or pinned.");
  }
  const document = body === undefined ? undefined : entryBody(body);
  if (viewer.kind !== "staff") throw new Error("unreachable: entries are edited by staff");
  const result = await db()
    .$transaction(async (tx) => {
      const article = await findVisible(tx, viewer, articleId);
      const rules = await newsroomRules(tx);
      const entry = await findEntry(tx, articleId, entryId);
      const wordsChange = (title !== undefined && title !== entry.title) || (document !== undefined && JSON.stringify(document) !== JSON.stringify(entry.body));
      const flagChange = keyEvent !== undefined && keyEvent !== entry.keyEvent;
      const pinChange = pinned !== undefined && pinned !== entry.pinned;
      if (wordsChange || flagChange) assertAllowed(viewer, "edit_entry", article, rules, entry);
      if (pinChange) assertAllowed(viewer, "pin_entry", article, rules, entry);
      if (entry.version !== version) throw staleEntry(entry);
      if (!wordsChange && !flagChange && !pinChange) return { entry, slug: null };
      if (pinned) await assertPinFree(tx, articleId, entryId);
      const words = wordsChange && entry.status === "POSTED";
      if (words && document !== undefined) await enforceEntryChecks(tx, document);
      const data: Prisma.LiveEntryUpdateManyMutationInput = {
        version: { increment: 1 },
        ...(title !== undefined && { title }),
        ...(document !== undefined && { body: document, mediaIds: await mediaIdsOf(tx, null, document) }),
        ...(keyEvent !== undefined && { keyEvent }),
        ...(pinned !== undefined && { pinned }),
        ...(words && { editedAt: now }),
        ...(wordsChange && !entry.authorIds.includes(viewer.id) && { authorIds: { push: viewer.id } }),
      };
      const { count } = await tx.liveEntry.updateMany({ where: { id: entryId, version, status: entry.status }, data });
      if (count === 0) throw staleEntry(await findEntry(tx, articleId, entryId));
      if (wordsChange || flagChange) await recordEntryEvent(tx, viewer, article, "edit_entry", entryId, flagChange ? (keyEvent ? "marked a key event" : "no longer a key event") : undefined);
      if (pinChange) await recordEntryEvent(tx, viewer, article, "pin_entry", entryId, pinned ? "pinned" : "unpinned");
      const changed = await findEntry(tx, articleId, entryId);
      return { entry: changed, slug: changed.status === "POSTED" ? await liveSlugOf(tx, articleId) : null };
    })
    .catch((error: unknown) => {
      throw isPinRace(error) ? pinTaken() : error;
    });
  await expireLiveBlog(result.slug);
  return result.entry;
}

/** The 409 of a stale edit: the entry as it now stands, so the person can redo their change on it. */
const staleEntry = (entry: { version: number }) =>
  new AppError("CONFLICT", `Someone else changed this entry first (it is at version ${entry.version}); your change was not applied. Look at it again and redo your change.`, { version: entry.version, entry });
