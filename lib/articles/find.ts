import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, visibleWhere, type ArticleAction, type ArticleFacts, type Viewer } from "@/lib/policy";

/** Looks the article up within what the viewer may see: hidden is simply not found. */
export async function findVisible(tx: Prisma.TransactionClient, viewer: Viewer, articleId: string) {
  const article = await tx.article.findFirst({ where: { AND: [{ id: articleId }, visibleWhere(viewer)] } });
  if (!article) throw notFound("That article");
  return article;
}

/** Not visible → 404; visible but not allowed → 403; not from this state → 409. */
export function assertAllowed(viewer: Viewer, action: ArticleAction, article: ArticleFacts) {
  const decision = can(viewer, action, article);
  if (decision.ok) return;
  if (decision.reason === "not_visible") throw notFound("That article");
  if (decision.reason === "forbidden") throw new AppError("FORBIDDEN", "Your role does not allow that on this article.");
  throw new AppError("INVALID_TRANSITION", `An article that is ${article.status.toLowerCase().replace("_", " ")} cannot do that.`, {
    status: article.status,
  });
}
