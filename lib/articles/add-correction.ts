import { z } from "zod";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/policy";
import { expireArticlePages, readerFacts } from "@/lib/reader-cache";
import { parseInput } from "@/lib/validation";
import { assertAllowed, findVisible } from "./find";

const CorrectionInput = z.object({ articleId: z.string().min(1).max(64), note: z.string().trim().min(1, "is required").max(1000) }).strict();

/** An editor adds a correction note to a published story; readers see it at once. */
export async function addCorrection(viewer: Viewer, input: unknown) {
  const { articleId, note } = parseInput(CorrectionInput, input);
  const { correction, before } = await db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    assertAllowed(viewer, "correct", article);
    if (viewer.kind !== "staff") throw new Error("unreachable: only editors correct");
    const correction = await tx.correction.create({ data: { articleId, authorId: viewer.id, note }, select: { id: true, note: true, createdAt: true } });
    return { correction, before: await readerFacts(tx, articleId) };
  });
  await expireArticlePages(before, articleId);
  return correction;
}
