import { z } from "zod";
import { recordArticleEvent } from "@/lib/publishing/outbound";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { notifyCorrection } from "@/lib/notifications";
import type { Viewer } from "@/lib/policy";
import { expireArticlePages, readerFacts } from "@/lib/reader/cache";
import { lenientEnum, parseInput } from "@/lib/validation";
import { assertAllowed, findVisible } from "./find";

const CorrectionInput = z
  .object({
    articleId: z.string().min(1).max(64),
    kind: lenientEnum(["CORRECTION", "CLARIFICATION", "UPDATE"], { error: "must be CORRECTION, CLARIFICATION or UPDATE" }).default("CORRECTION"),
    note: z.string().trim().min(1, "is required").max(1000),
    /** a correction of one posted entry of live coverage rather than of the opening */
    entryId: z.string().min(1).max(64).optional(),
  })
  .strict();

const correctionSelect = { id: true, kind: true, note: true, entryId: true, createdAt: true, publishedAt: true } as const;

/**
 * An editor adds a correction (or clarification, or update) to a live
 * story. It goes public with the change it belongs to: at once when the
 * working copy holds nothing readers do not have, else with the next publish
 * of the changes. The story's author and assignee hear of it in the same
 * transaction (a correction is news to the person whose byline it carries);
 * the result names who was told. On live coverage it may name one posted
 * entry (`entryId`): /corrections then links to that entry.
 */
export async function addCorrection(viewer: Viewer, input: unknown) {
  const { articleId, kind, note, entryId } = parseInput(CorrectionInput, input);
  const { correction, before } = await db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    assertAllowed(viewer, "correct", article);
    if (viewer.kind !== "staff") throw new Error("unreachable: only editors correct");
    // An entry's words went out when they were posted or edited, so its correction goes public at once too.
    if (entryId && !(await tx.liveEntry.count({ where: { id: entryId, articleId, status: "POSTED" } }))) throw notFound("That posted entry");
    const now = new Date();
    const publishedAt = article.changes && !entryId ? null : now;
    const correction = await tx.correction.create({ data: { articleId, ...(entryId && { entryId }), authorId: viewer.id, kind, note, publishedAt, createdAt: now }, select: correctionSelect });
    const told = await notifyCorrection(tx, viewer, article, { kind, note }, now);
    if (publishedAt) await recordArticleEvent(tx, "corrected", { id: article.id, slug: article.slug, version: article.liveVersion! }, now);
    return { correction: { ...correction, told }, before: correction.publishedAt ? await readerFacts(tx, articleId) : null };
  });
  if (before) await expireArticlePages(before, articleId);
  return correction;
}

export async function listCorrections(viewer: Viewer, articleId: string) {
  const article = await findVisible(db(), viewer, articleId);
  return db().correction.findMany({ where: { articleId: article.id }, orderBy: { createdAt: "asc" }, select: correctionSelect });
}
