import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/policy";
import { assertAllowed, type FoundArticle } from "@/lib/articles/find";

/**
 * A draft becomes live coverage (or a story again) while readers have never
 * had it: what a published page is, readers already know. Going back to a
 * story would orphan entries, so it needs none. Like a plan, the kind is not
 * content: it makes no revision and moves no version.
 */
export async function changeKind(tx: Prisma.TransactionClient, viewer: Viewer, article: FoundArticle, kind: "STORY" | "LIVE"): Promise<void> {
  if (kind === article.kind) return;
  assertAllowed(viewer, "edit", article);
  if (article.publishedAt !== null) {
    throw new AppError("INVALID_TRANSITION", `A story readers have had stays ${article.kind === "LIVE" ? "live coverage" : "a story"}; start a new one instead.`, { field: "kind" });
  }
  if (kind === "STORY" && (await tx.liveEntry.count({ where: { articleId: article.id, status: { not: "DELETED" } } })) > 0) {
    throw new AppError("INVALID_TRANSITION", "This live coverage has entries; delete them before making it a story.", { field: "kind" });
  }
  await tx.article.update({ where: { id: article.id }, data: { kind } });
}
