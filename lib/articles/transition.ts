import type { JSONContent } from "@tiptap/core";
import { photoSlots } from "@/lib/content/document";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NewsroomRules, Viewer } from "@/lib/policy";
import { notifyMove } from "@/lib/notifications";
import { expireArticlePages, readerFacts } from "@/lib/reader/cache";
import { newsroomRules } from "@/lib/settings";
import { parseInput } from "@/lib/validation";
import { transitionOf, type WorkflowAction } from "@/lib/workflow";
import { copyRevisionIntoArticle, recordRevision } from "./content";
import { assertAllowed, findVisible, type FoundArticle } from "./find";
import { conflict } from "./save-draft";
import { TransitionInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export interface Move {
  action: WorkflowAction;
  note?: string | undefined;
  publishAt?: Date | undefined;
  version?: number | undefined;
}

function checkNeeds(move: Move, article: FoundArticle, now: Date): void {
  const needs = transitionOf(move.action).needs ?? [];
  if (needs.includes("note") && !move.note) throw new AppError("VALIDATION", "note: a note for the author is required.", { field: "note" });
  if (needs.includes("publishAt") && !(move.publishAt && move.publishAt.getTime() > now.getTime())) {
    throw new AppError("VALIDATION", "publishAt: the publish time must be in the future.", { field: "publishAt" });
  }
  if (needs.includes("version") && move.version === undefined) {
    throw new AppError("VALIDATION", "version: name the version you reviewed; only that version is published.", { field: "version" });
  }
  if (needs.includes("headline") && !article.headline.trim()) {
    throw new AppError("VALIDATION", "headline: write a headline first; an untitled story stays a draft.", { field: "headline" });
  }
  const slots = needs.includes("photos") ? photoSlots(article.body as JSONContent) : 0;
  if (slots > 0) {
    throw new AppError("VALIDATION", `body: ${slots === 1 ? "a photo slot has" : `${slots} photo slots have`} no image yet; add the image or remove the slot.`, { field: "body" });
  }
}

const revisionAt = async (tx: Tx, article: FoundArticle) =>
  (await tx.revision.findUniqueOrThrow({ where: { articleId_version: { articleId: article.id, version: article.version } }, select: { id: true } })).id;

/**
 * What a move writes besides the state, read off the table: the live
 * pointer (set to the reviewed version, or the scheduled one; or cleared),
 * the scheduled revision and time (only a scheduled story has them; a
 * reschedule keeps the revision that was scheduled), the first publication
 * date; and any missed-schedule alert ends, its story having moved on.
 */
async function pointersFor(tx: Tx, article: FoundArticle, move: Move, to: string, now: Date): Promise<Prisma.ArticleUncheckedUpdateManyInput> {
  const effect = transitionOf(move.action).live;
  const scheduled = to === "SCHEDULED";
  const keepsScheduled = move.action === "reschedule";
  const data: Prisma.ArticleUncheckedUpdateManyInput = {
    scheduledRevisionId: scheduled ? (keepsScheduled ? article.scheduledRevisionId : await revisionAt(tx, article)) : null,
    scheduledFor: scheduled ? move.publishAt! : null,
    scheduleAlertAt: null,
    scheduleProblem: null,
  };
  if (effect === "set") {
    const liveRevisionId = move.action === "publish_scheduled" ? article.scheduledRevisionId! : await revisionAt(tx, article);
    Object.assign(data, { liveRevisionId, liveSince: now, publishedAt: article.publishedAt ?? article.scheduledFor ?? now });
  }
  if (effect === "clear") Object.assign(data, { liveRevisionId: null, liveSince: null });
  return data;
}

/**
 * Status and what readers get change only here, together with a
 * WorkflowEvent in the same transaction. The from-state (and the version,
 * which publishing must name) sit in the UPDATE's WHERE, so twenty
 * simultaneous "publish" clicks produce one event, and a publish of a
 * version someone has since changed is a CONFLICT that moves nothing.
 */
export async function applyMove(tx: Tx, viewer: Viewer, article: FoundArticle, move: Move, rules: NewsroomRules, now = new Date()) {
  assertAllowed(viewer, move.action, article, rules);
  checkNeeds(move, article, now);
  const transition = transitionOf(move.action);
  const to = article.live && transition.toWhenLive ? transition.toWhenLive : transition.to;
  const { count } = await tx.article.updateMany({
    where: { id: article.id, status: article.status, ...(move.version !== undefined && { version: move.version }) },
    data: { status: to, ...(await pointersFor(tx, article, move, to, now)) },
  });
  if (count !== 1) throw await conflict(tx, article.id);
  await tx.workflowEvent.create({
    data: {
      articleId: article.id,
      actorId: viewer.kind === "staff" ? viewer.id : null,
      action: move.action,
      fromStatus: article.status,
      toStatus: to,
      note: move.note || null,
      createdAt: now,
    },
  });
  const told = await notifyMove(tx, viewer, article, move, now);
  if (move.action === "discard_changes") await resetToLive(tx, viewer, article);
  if (transition.live === "set") await publishPendingCorrections(tx, article.id, now);
  // Taken down, it leaves its front-page slot: the slots below move up, and a later publish does not pin it again.
  if (transition.live === "clear") await tx.frontPageSlot.deleteMany({ where: { articleId: article.id } });
  // Withdrawn (unpublished or archived), its share links end in the same transaction; previews.ts refuses leftovers too.
  if (transition.live === "clear") await tx.articlePreview.deleteMany({ where: { articleId: article.id } });
  const moved = await tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { id: true, slug: true, status: true, version: true, publishedAt: true, scheduledFor: true, liveRevisionId: true } });
  // Who heard of it, by name, so the person who moved it is told who was told (not recomputed in the client).
  return { ...moved, told };
}

/**
 * "Discard changes": the working copy becomes the live version again, as a
 * new revision on top (history is never rewritten) that is also the live
 * pointer — the same content, so readers see no change and nothing is
 * left "unpublished".
 */
async function resetToLive(tx: Tx, viewer: Viewer, article: FoundArticle) {
  const live = await tx.revision.findUniqueOrThrow({ where: { id: article.liveRevisionId! } });
  await copyRevisionIntoArticle(tx, { id: article.id }, live);
  const revisionId = await recordRevision(tx, article.id, viewer.kind === "staff" ? viewer.id : article.authorId, "DISCARD");
  await tx.article.update({ where: { id: article.id }, data: { liveRevisionId: revisionId } });
}

/** Corrections written while the story had unpublished changes go public with them. */
async function publishPendingCorrections(tx: Tx, articleId: string, now: Date) {
  await tx.correction.updateMany({ where: { articleId, publishedAt: null }, data: { publishedAt: now } });
}

export async function transition(viewer: Viewer, input: unknown) {
  const { articleId, ...move } = parseInput(TransitionInput, input);
  const changesReaders = transitionOf(move.action).live !== undefined;
  const { result, before } = await db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    return { before: changesReaders ? await readerFacts(tx, article.id) : null, result: await applyMove(tx, viewer, article, move, await newsroomRules(tx)) };
  });
  if (changesReaders) await expireArticlePages(before, result.id);
  return result;
}
