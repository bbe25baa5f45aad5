import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { assertAllowed, findVisible } from "@/lib/articles/find";
import { parseInput, versionNumber } from "@/lib/validation";
import { recordDeskFact } from "./desk-facts";

const ClearInput = z
  .object({
    articleId: z.string().min(1).max(64),
    /** the version the reviewer read: a clearance is for that text, and a later change needs another look */
    version: versionNumber("name the version you read"),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

/** Someone with the right (an admin grants it) clears the version they read of a story marked for legal review. */
export async function clearLegalReview(viewer: Viewer, input: unknown, now = new Date()) {
  const { articleId, version, note } = parseInput(ClearInput, input);
  return db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    const reviewer = viewer.kind === "staff" ? await tx.user.findUnique({ where: { id: viewer.id }, select: { legalReviewer: true } }) : null;
    assertAllowed(viewer.kind === "staff" ? { ...viewer, legalReviewer: reviewer?.legalReviewer ?? false } : viewer, "clear_legal_review", article);
    if (!article.needsLegalReview) throw new AppError("INVALID_TRANSITION", "This story is not marked as needing legal review.");
    const { count } = await tx.article.updateMany({
      where: { id: article.id, version },
      data: { legalClearedVersion: version, legalClearedById: viewer.kind === "staff" ? viewer.id : null, legalClearedAt: now },
    });
    if (count !== 1) throw new AppError("CONFLICT", `The story changed after you read version ${version}; read version ${article.version} and clear that.`, { currentVersion: article.version });
    await recordDeskFact(tx, viewer, article, "clear_legal_review", `Cleared version ${version}.${note ? ` ${note}` : ""}`, now);
    return { id: article.id, legalClearedVersion: version, legalClearedAt: now };
  });
}
