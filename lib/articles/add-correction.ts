import { z } from "zod";
import { db } from "@/lib/db";
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
  })
  .strict();

const correctionSelect = { id: true, kind: true, note: true, createdAt: true, publishedAt: true } as const;

/**
 * An editor adds a correction (or clarification, or update) to a live
 * story. It goes public with the change it belongs to: at once when the
 * working copy holds nothing readers do not have, else with the next publish
 * of the changes. The story's author and assignee hear of it in the same
 * transaction (a correction is news to the person whose byline it carries);
 * the result names who was told.
 */
export async function addCorrection(viewer: Viewer, input: unknown) {
  const { articleId, kind, note } = parseInput(CorrectionInput, input);
  const { correction, before } = await db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    assertAllowed(viewer, "correct", article);
    if (viewer.kind !== "staff") throw new Error("unreachable: only editors correct");
    const now = new Date();
    const correction = await tx.correction.create({ data: { articleId, authorId: viewer.id, kind, note, publishedAt: article.changes ? null : now, createdAt: now }, select: correctionSelect });
    const told = await notifyCorrection(tx, viewer, article, { kind, note }, now);
    return { correction: { ...correction, told }, before: correction.publishedAt ? await readerFacts(tx, articleId) : null };
  });
  if (before) await expireArticlePages(before, articleId);
  return correction;
}

export async function listCorrections(viewer: Viewer, articleId: string) {
  const article = await findVisible(db(), viewer, articleId);
  return db().correction.findMany({ where: { articleId: article.id }, orderBy: { createdAt: "asc" }, select: correctionSelect });
}
