import { plainText, figureSources, type ArticleDocument } from "@/lib/content/document";
import { validateDocument } from "@/lib/content/validate";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/policy";
import { expireReaderPages } from "@/lib/reader/cache";
import { liveBlogPaths, slugTag } from "@/lib/reader/tags";
import type { EntryAction } from "@/lib/workflow";
import { photoRightsOf } from "@/lib/media/rights";
import { blockedError, runBodyChecks } from "@/lib/publishing/checks";
import { checkSettings } from "@/lib/settings";
import { entryName } from "./entry-name";

type Tx = Prisma.TransactionClient;

/** What staff get of an entry: the live desk's row and the API's answer. */
export const entrySelect = {
  id: true,
  status: true,
  title: true,
  body: true,
  keyEvent: true,
  pinned: true,
  authorIds: true,
  version: true,
  createdAt: true,
  postedAt: true,
  editedAt: true,
} as const satisfies Prisma.LiveEntrySelect;
export type StaffEntry = Prisma.LiveEntryGetPayload<{ select: typeof entrySelect }>;

/** An entry of this story that has not been deleted (a deleted one is history, not something to act on). */
export async function findEntry(tx: Tx, articleId: string, entryId: string) {
  const entry = await tx.liveEntry.findFirst({ where: { id: entryId, articleId, status: { not: "DELETED" } }, select: entrySelect });
  if (!entry) throw notFound("That entry");
  return entry;
}

/** An entry's body: a document the editor could have made, with words or a photo in it. */
export function entryBody(body: unknown): ArticleDocument {
  const document = validateDocument(body);
  if (plainText(document).trim() === "" && figureSources(document).length === 0) {
    throw new AppError("VALIDATION", "body: an entry needs some words or a photo; this one is empty.", { field: "body" });
  }
  return document;
}

/** At most one pinned entry per live blog: the one already pinned is named, so the desk can unpin it first. */
export async function assertPinFree(tx: Tx, articleId: string, exceptEntryId?: string): Promise<void> {
  const pinned = await tx.liveEntry.findFirst({ where: { articleId, pinned: true, status: { not: "DELETED" }, ...(exceptEntryId && { id: { not: exceptEntryId } }) }, select: { id: true, title: true, body: true } });
  if (pinned) throw pinTaken(pinned);
}

export const pinTaken = (pinned?: { id: string; title: string; body: unknown }) =>
  new AppError("CONFLICT", `Another entry is pinned${pinned ? ` ("${entryLabel(pinned)}")` : ""}: a live blog pins one; unpin it first.`, { field: "pinned", ...(pinned && { pinnedEntryId: pinned.id }) });

/** A unique-index miss on the one pin: two people pinned at once and the other was first. */
export const isPinRace = (error: unknown) =>
  error instanceof Error && "code" in error && error.code === "P2002" && `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`.includes("LiveEntry_one_pin");

/** How history and messages name an entry, inside a sentence. */
export const entryLabel = (entry: { title: string; body: unknown }) => entryName(entry, { maxChars: 60, photo: "a photo" });

/** A live entry's words go out only if the newsroom's checks on a body pass (alt text, headings, link text). */
export async function enforceEntryChecks(tx: Tx, body: unknown): Promise<void> {
  const refusal = blockedError(runBodyChecks(body as ArticleDocument, await checkSettings(tx), await photoRightsOf(tx, { body })));
  if (refusal) throw refusal;
}

/** The trace every entry fact leaves, in the change's own transaction: history lists it with the story's moves. */
export async function recordEntryEvent(tx: Tx, viewer: Viewer, article: { id: string; status: Prisma.WorkflowEventCreateManyInput["fromStatus"] }, action: EntryAction, entryId: string | null, note?: string) {
  await tx.workflowEvent.create({
    data: { articleId: article.id, actorId: viewer.kind === "staff" ? viewer.id : null, action, fromStatus: article.status, toStatus: article.status, entryId, note: note ?? null },
  });
}

/** The address readers have of the story, or null while nothing of it is live (then no reader page shows its entries). */
export async function liveSlugOf(tx: Tx, articleId: string): Promise<string | null> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { liveRevision: { select: { slug: true } } } });
  return article?.liveRevision?.slug ?? null;
}

/** After an entry change readers can see: the live blog's own page, its updates address, feed and content API. */
export async function expireLiveBlog(slug: string | null): Promise<void> {
  if (slug) await expireReaderPages([slugTag(slug)], liveBlogPaths(slug));
}
