import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatDateTime } from "@/lib/format";
import type { Viewer } from "@/lib/policy";
import { assertAllowed, type FoundArticle } from "@/lib/articles/find";
import type { DeskFact } from "@/lib/workflow";
import { embargoPhrase, underEmbargo } from "./embargo";

type Tx = Prisma.TransactionClient;

/** A desk fact's trace in history, in its own transaction. */
export async function recordDeskFact(tx: Tx, viewer: Viewer, article: FoundArticle, action: DeskFact, note: string, now: Date) {
  await tx.workflowEvent.create({
    data: { articleId: article.id, actorId: viewer.kind === "staff" ? viewer.id : null, action, fromStatus: article.status, toStatus: article.status, note, createdAt: now },
  });
}

const refuse = (message: string) => new AppError("VALIDATION", `embargoUntil: ${message}`, { field: "embargoUntil" });

/**
 * Sets or moves an embargo through a save (PATCH `embargoUntil`). An
 * embargo holds a story before it first goes out, so a story readers have
 * or one already scheduled takes none; bringing one forward or clearing it
 * is lifting it early, which needs an editor and a reason (./lift-embargo.ts).
 */
export async function setEmbargo(tx: Tx, viewer: Viewer, article: FoundArticle, until: Date | null, now: Date): Promise<void> {
  assertAllowed(viewer, "set_embargo", article);
  const current = underEmbargo(article, now) ? article.embargoUntil : null;
  if (until === null) {
    if (current) throw refuse("clearing an embargo is lifting it early: an editor lifts it with a reason (Lift embargo).");
    if (article.embargoUntil !== null) await tx.article.updateMany({ where: { id: article.id, embargoUntil: article.embargoUntil }, data: { embargoUntil: null } });
    return;
  }
  if (until.getTime() <= now.getTime()) throw refuse("the embargo must end in the future.");
  if (until.getTime() === current?.getTime()) return;
  if (article.live) throw refuse("readers already have this story; an embargo holds a story before it first goes out.");
  if (article.status === "SCHEDULED") throw refuse("this story is scheduled; unschedule it, set the embargo, then publish or schedule again.");
  if (current && until < current) throw refuse(`bringing the embargo forward from ${formatDateTime(current)} is lifting it early: an editor lifts it with a reason.`);
  // Compare-and-set against the state read above: a publish racing this save leaves one of the two a CONFLICT.
  const { count } = await tx.article.updateMany({ where: { id: article.id, status: article.status, liveRevisionId: null, embargoUntil: article.embargoUntil }, data: { embargoUntil: until } });
  if (count !== 1) throw new AppError("CONFLICT", "This story moved while its embargo was being set; look again.", { field: "embargoUntil" });
  await recordDeskFact(tx, viewer, article, "set_embargo", `${embargoPhrase(until)[0]!.toUpperCase()}${embargoPhrase(until).slice(1)}.`, now);
}

/**
 * Marks or unmarks a story for legal review through a save (PATCH
 * `needsLegalReview`). Anyone who may edit it asks for a lawyer's look; only
 * the desk withdraws the request, so a writer cannot wave their own story
 * past the check.
 */
export async function markLegalReview(tx: Tx, viewer: Viewer, article: FoundArticle, needs: boolean, now: Date): Promise<void> {
  if (needs === article.needsLegalReview) return;
  assertAllowed(viewer, needs ? "mark_legal_review" : "unmark_legal_review", article);
  await tx.article.update({ where: { id: article.id }, data: { needsLegalReview: needs } });
  await recordDeskFact(tx, viewer, article, needs ? "mark_legal_review" : "unmark_legal_review", needs ? "Needs legal review before it goes out." : "No longer needs legal review.", now);
}
