import { db } from "@/lib/db";
import { assertAllowed, findVisible } from "@/lib/articles/find";
import type { Viewer } from "@/lib/policy";
import { expireArticlePages, readerFacts } from "@/lib/reader/cache";
import { newsroomRules } from "@/lib/settings";
import { parseInput } from "@/lib/validation";
import { expireLiveBlog, recordEntryEvent } from "./entry";
import { coverageOf } from "./coverage-state";
import { CoverageInput } from "./schemas";

/** "End live coverage" (running: false) records the end; running: true takes it back. Either way readers' pages change label and polling. */
export async function setCoverage(viewer: Viewer, input: unknown, now = new Date()) {
  const { articleId, running } = parseInput(CoverageInput, input);
  const { article, before } = await db().$transaction(async (tx) => {
    const found = await findVisible(tx, viewer, articleId);
    const action = running ? "resume_coverage" : "end_coverage";
    assertAllowed(viewer, action, found, await newsroomRules(tx));
    const article = await tx.article.update({ where: { id: articleId }, data: { coverageEndedAt: running ? null : now }, select: { kind: true, publishedAt: true, coverageEndedAt: true, liveRevisionId: true } });
    await recordEntryEvent(tx, viewer, found, action, null);
    return { article, before: await readerFacts(tx, articleId) };
  });
  await expireArticlePages(before, articleId);
  await expireLiveBlog(before?.slug ?? null);
  return coverageOf(article);
}
