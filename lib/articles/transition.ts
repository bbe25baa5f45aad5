import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Article, Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/policy";
import { expireArticlePages, readerFacts } from "@/lib/reader-cache";
import { parseInput } from "@/lib/validation";
import { TRANSITIONS, type WorkflowAction } from "@/lib/workflow";
import { assertAllowed, findVisible } from "./find";
import { conflict } from "./save-draft";
import { TransitionInput } from "./schemas";

export interface Move {
  action: WorkflowAction;
  note?: string | undefined;
  publishAt?: Date | undefined;
  version?: number | undefined;
}

/** What a move writes besides the state: publish and schedule times. */
function timesFor(action: WorkflowAction, article: Article, move: Move, now: Date): Prisma.ArticleUncheckedUpdateManyInput {
  switch (action) {
    case "publish":
    case "publish_scheduled":
      return { publishedAt: article.publishedAt ?? article.scheduledFor ?? now, scheduledFor: null };
    case "schedule":
      return { scheduledFor: move.publishAt! };
    case "unschedule":
    case "archive":
      return { scheduledFor: null };
    default:
      return {};
  }
}

function checkNeeds(move: Move, now: Date): void {
  const needs: readonly string[] = "needs" in TRANSITIONS[move.action] ? (TRANSITIONS[move.action] as { needs: readonly string[] }).needs : [];
  if (needs.includes("note") && !move.note) throw new AppError("VALIDATION", "note: a note for the author is required.", { field: "note" });
  if (needs.includes("publishAt") && !(move.publishAt && move.publishAt.getTime() > now.getTime())) {
    throw new AppError("VALIDATION", "publishAt: the publish time must be in the future.", { field: "publishAt" });
  }
}

/**
 * Status and version change only here, together with a WorkflowEvent in the
 * same transaction. The from-state (and the version, when the caller sent
 * one) sit in the UPDATE's WHERE, so twenty simultaneous "publish" clicks
 * produce one event and the rest get CONFLICT.
 */
export async function applyMove(tx: Prisma.TransactionClient, viewer: Viewer, article: Article, move: Move, now = new Date()) {
  assertAllowed(viewer, move.action, article);
  checkNeeds(move, now);
  const to = TRANSITIONS[move.action].to;
  const { count } = await tx.article.updateMany({
    where: { id: article.id, status: article.status, ...(move.version !== undefined && { version: move.version }) },
    data: { status: to, version: { increment: 1 }, ...timesFor(move.action, article, move, now) },
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
  return tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { id: true, slug: true, status: true, version: true, publishedAt: true, scheduledFor: true } });
}

/** Moves that change what readers see: their pages are expired once the move commits. */
export const READER_VISIBLE_MOVES: ReadonlySet<WorkflowAction> = new Set(["publish", "publish_scheduled", "unpublish", "archive", "restore"]);

export async function transition(viewer: Viewer, input: unknown) {
  const { articleId, ...move } = parseInput(TransitionInput, input);
  const { result, before } = await db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    return { before: await readerFacts(tx, article.id), result: await applyMove(tx, viewer, article, move) };
  });
  if (READER_VISIBLE_MOVES.has(move.action)) await expireArticlePages(before, result.id);
  return result;
}
