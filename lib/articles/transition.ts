import type { JSONContent } from "@tiptap/core";
import { photoSlots } from "@/lib/content/document";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NewsroomRules, Viewer } from "@/lib/policy";
import { notifyMove } from "@/lib/notifications";
import { expireArticlePages, readerFacts } from "@/lib/reader/cache";
import { checkSettings, newsroomRules } from "@/lib/settings";
import { parseInput } from "@/lib/validation";
import { candidateOf } from "@/lib/publishing/candidate";
import { blockedError, runChecks } from "@/lib/publishing/checks";
import { embargoPhrase, underEmbargo } from "@/lib/publishing/embargo";
import { partnersHave, recordArticleEvent, type OutboundEventType } from "@/lib/publishing/outbound";
import { formatDateTime } from "@/lib/format";
import { transitionOf, type ArticleState, type Transition, type WorkflowAction } from "@/lib/workflow";
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

/** What a move does to this story now: the table's row, with an embargo not yet over applied (`underEmbargo`). */
interface Effect {
  to: ArticleState;
  live: Transition["live"];
  scheduled: Transition["scheduled"];
  publishAt: Date | undefined;
  /** the embargo that turned a publish into a schedule, or moved its time */
  embargo: Date | null;
}

function effectOf(move: Move, article: FoundArticle, now: Date): Effect {
  const transition = transitionOf(move.action);
  const effect: Effect = {
    to: article.live && transition.toWhenLive ? transition.toWhenLive : transition.to,
    live: transition.live,
    scheduled: transition.scheduled,
    publishAt: move.publishAt,
    embargo: null,
  };
  if (!underEmbargo(article, now) || !transition.underEmbargo) return effect;
  const until = article.embargoUntil;
  if (transition.underEmbargo === "refuse") {
    throw new AppError("INVALID_TRANSITION", `This story is ${embargoPhrase(until)}: it cannot go live before then unless an editor lifts the embargo.`, { embargoUntil: until.toISOString() });
  }
  if (transition.underEmbargo === "schedule") return { to: "SCHEDULED", live: undefined, scheduled: "pin", publishAt: until, embargo: until };
  return effect.publishAt && effect.publishAt < until ? { ...effect, publishAt: until, embargo: until } : { ...effect, embargo: until };
}

/**
 * What a move writes besides the state, read off the table's columns: the
 * live pointer (set to the reviewed version, or the scheduled one; or
 * cleared), the scheduled revision and time (only a scheduled story has
 * them), the first publication date; and any missed-schedule alert ends, its
 * story having moved on.
 */
async function pointersFor(tx: Tx, article: FoundArticle, move: Move, effect: Effect, now: Date): Promise<Prisma.ArticleUncheckedUpdateManyInput> {
  const transition = transitionOf(move.action);
  const data: Prisma.ArticleUncheckedUpdateManyInput = {
    scheduledRevisionId: effect.scheduled === "pin" ? await revisionAt(tx, article) : effect.scheduled === "keep" ? article.scheduledRevisionId : null,
    scheduledFor: effect.scheduled ? effect.publishAt! : null,
    scheduleAlertAt: null,
    scheduleProblem: null,
  };
  if (effect.live === "set") {
    const liveRevisionId = transition.liveFrom === "scheduled" ? article.scheduledRevisionId! : await revisionAt(tx, article);
    Object.assign(data, { liveRevisionId, liveSince: now, publishedAt: article.publishedAt ?? article.scheduledFor ?? now });
  }
  if (effect.live === "clear") Object.assign(data, { liveRevisionId: null, liveSince: null });
  return data;
}

/** A move the newsroom's checks block is refused whole, naming each failed rule. */
async function enforceChecks(tx: Tx, article: FoundArticle, move: Move, now: Date): Promise<void> {
  const refusal = blockedError(runChecks(await candidateOf(tx, article, transitionOf(move.action).liveFrom === "scheduled", now), await checkSettings(tx)));
  if (refusal) throw refusal;
}

const movedSelect = {
  id: true,
  slug: true,
  status: true,
  version: true,
  publishedAt: true,
  scheduledFor: true,
  liveRevisionId: true,
  embargoUntil: true,
  liveRevision: { select: { version: true } },
  scheduledRevision: { select: { version: true } },
} as const satisfies Prisma.ArticleSelect;
type MovedArticle = Prisma.ArticleGetPayload<{ select: typeof movedSelect }>;

/**
 * What partners hear of a move (the table's `tells`), in its transaction:
 * a publication, a takedown of a story they had, or an embargoed story's
 * schedule (partners see embargoed copy early).
 */
async function tellPartners(tx: Tx, article: FoundArticle, moved: MovedArticle, move: Move, effect: Effect, had: boolean, corrected: boolean, now: Date): Promise<void> {
  const tells = transitionOf(move.action).tells;
  const type: OutboundEventType | null =
    tells === "publication" ? (effect.live === "set" ? (article.live ? "changes_published" : "published") : effect.embargo ? "embargoed" : null)
    : tells === "embargoed" ? (effect.embargo ? "embargoed" : null)
    : tells === "withheld" ? (had && !article.live ? tells : null)
    : tells === "unpublished" || tells === "archived" ? (had ? tells : null)
    : null;
  if (!type) return;
  const version = moved.liveRevision?.version ?? moved.scheduledRevision?.version ?? article.version;
  // A takedown of a story readers never had is news only to the syndication partners who had its embargoed copy.
  const syndicationOnly = (type === "unpublished" || type === "archived") && !article.live;
  await recordArticleEvent(tx, type, { id: article.id, slug: moved.slug, version }, now, { syndicationOnly });
  // Corrections held for these changes went public with them: partners hear of those too, after the publication.
  if (corrected) await recordArticleEvent(tx, "corrected", { id: article.id, slug: moved.slug, version }, now);
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
  const effect = effectOf(move, article, now);
  if (transition.checked) await enforceChecks(tx, article, move, now);
  const had = await partnersHave(tx, article);
  const { count } = await tx.article.updateMany({
    // The embargo read above sits in the WHERE too: an embargo set while this move ran makes it a CONFLICT, never a live story under embargo.
    where: { id: article.id, status: article.status, embargoUntil: article.embargoUntil, ...(move.version !== undefined && { version: move.version }) },
    data: { status: effect.to, ...(await pointersFor(tx, article, move, effect, now)) },
  });
  if (count !== 1) throw await conflict(tx, article.id);
  const held = effect.embargo && move.action === "publish" ? `Held by the embargo: goes live ${formatDateTime(effect.embargo)}.` : null;
  await tx.workflowEvent.create({
    data: {
      articleId: article.id,
      actorId: viewer.kind === "staff" ? viewer.id : null,
      action: move.action,
      fromStatus: article.status,
      toStatus: effect.to,
      note: [move.note, held].filter(Boolean).join(" ") || null,
      createdAt: now,
    },
  });
  // Held by an embargo, a publish tells the writers what it did: scheduled it.
  const told = await notifyMove(tx, viewer, article, held ? { action: "schedule", publishAt: effect.publishAt } : { ...move, publishAt: effect.publishAt }, now);
  if (transition.workingCopy === "reset") await resetToLive(tx, viewer, article);
  const corrected = transition.corrections === "publish" && effect.live === "set" ? await publishPendingCorrections(tx, article.id, now) : 0;
  // Taken down, it leaves its front-page slot (the slots below move up, and a later publish does not pin it again),
  // and its share links end in the same transaction; previews.ts refuses leftovers too.
  if (transition.withdraws) {
    await tx.frontPageSlot.deleteMany({ where: { articleId: article.id } });
    await tx.articlePreview.deleteMany({ where: { articleId: article.id } });
  }
  // The story as the move left it, read once after its last write: what partners are told and what the caller gets.
  const after = await tx.article.findUniqueOrThrow({ where: { id: article.id }, select: movedSelect });
  await tellPartners(tx, article, after, move, effect, had, corrected > 0, now);
  const { id, slug, status, version, publishedAt, scheduledFor, liveRevisionId, embargoUntil } = after;
  // Who heard of it, by name, so the person who moved it is told who was told (not recomputed in the client).
  return { id, slug, status, version, publishedAt, scheduledFor, liveRevisionId, embargoUntil, told, heldByEmbargo: held !== null };
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

/** Corrections written while the story had unpublished changes go public with them; how many did. */
async function publishPendingCorrections(tx: Tx, articleId: string, now: Date): Promise<number> {
  return (await tx.correction.updateMany({ where: { articleId, publishedAt: null }, data: { publishedAt: now } })).count;
}

export async function transition(viewer: Viewer, input: unknown) {
  const { articleId, ...move } = parseInput(TransitionInput, input);
  // A publish held by an embargo changes nothing readers see; expiring the pages anyway costs only a refresh.
  const changesReaders = transitionOf(move.action).live !== undefined;
  const { result, before } = await db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    return { before: changesReaders ? await readerFacts(tx, article.id) : null, result: await applyMove(tx, viewer, article, move, await newsroomRules(tx)) };
  });
  if (changesReaders) await expireArticlePages(before, result.id);
  return result;
}
