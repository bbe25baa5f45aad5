import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { assertAllowed, findVisible } from "@/lib/articles/find";
import { parseInput } from "@/lib/validation";
import { recordDeskFact } from "./desk-facts";
import { embargoPhrase, underEmbargo } from "./embargo";
import { partnersHave, recordArticleEvent } from "./outbound";

const LiftInput = z
  .object({
    articleId: z.string().min(1).max(64),
    reason: z.unknown().nonoptional({ error: "reason: say why the embargo is lifted early (it stays in the story's history)." }).pipe(
      z.string({ error: "must be text" }).trim().min(1, "say why the embargo is lifted early (it stays in the story's history).").max(2000, "must be at most 2,000 characters"),
    ),
  })
  .strict();

/**
 * Lifts an embargo before its end: an editor, with a reason, leaving an
 * event in history (and telling partners who had the embargoed copy). A
 * story scheduled for the embargo's end stays scheduled; the desk may now
 * publish it sooner.
 */
export async function liftEmbargo(viewer: Viewer, input: unknown, now = new Date()) {
  const { articleId, reason } = parseInput(LiftInput, input);
  return db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    assertAllowed(viewer, "lift_embargo", article);
    if (!underEmbargo(article, now)) throw new AppError("INVALID_TRANSITION", "This story is not under embargo.", { embargoUntil: article.embargoUntil?.toISOString() ?? null });
    const had = await partnersHave(tx, article);
    const { count } = await tx.article.updateMany({ where: { id: article.id, embargoUntil: article.embargoUntil }, data: { embargoUntil: null } });
    if (count !== 1) throw new AppError("CONFLICT", "Someone changed this story's embargo a moment ago; look again.");
    await recordDeskFact(tx, viewer, article, "lift_embargo", `Was ${embargoPhrase(article.embargoUntil)}. ${reason}`, now);
    if (had) await recordArticleEvent(tx, "embargo_lifted", article, now);
    return tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { id: true, status: true, embargoUntil: true, scheduledFor: true } });
  });
}
