import { AppError, notFound } from "@/lib/errors";
import type { Article, Prisma } from "@/lib/generated/prisma/client";
import { can, DEFAULT_RULES, visibleWhere, type ArticleAction, type EntryFacts, type ArticleFacts, type DenialReason, type NewsroomRules, type Viewer } from "@/lib/policy";
import { STATE_LABELS } from "@/lib/workflow";

type Tx = Prisma.TransactionClient;

/** An article row with what the policy needs to know of it. */
export type FoundArticle = Article & ArticleFacts & { liveVersion: number | null };

/** "Has unpublished changes" is derived, never stored: the working copy's version is not the live one. */
export function withFacts(article: Article & { liveRevision: { version: number } | null }): FoundArticle {
  const { liveRevision, ...row } = article;
  const liveVersion = liveRevision?.version ?? null;
  return { ...row, liveVersion, live: liveVersion !== null, changes: liveVersion !== article.version };
}

/** Looks the article up within what the viewer may see: hidden is simply not found. */
export async function findVisible(tx: Tx, viewer: Viewer, articleId: string): Promise<FoundArticle> {
  const article = await tx.article.findFirst({ where: { AND: [{ id: articleId }, visibleWhere(viewer)] }, include: { liveRevision: { select: { version: true } } } });
  if (!article) throw notFound("That article");
  return withFacts(article);
}

const FORBIDDEN_MESSAGES: Record<Exclude<DenialReason, "not_visible" | "invalid_transition" | "not_live_coverage">, string> = {
  forbidden: "Your role does not allow that on this article.",
  four_eyes: "The four-eyes rule is on: someone other than the author must publish or schedule this story.",
  approval: "Live entries need approval: an editor posts, changes and deletes what readers see; your entry waits in the queue.",
};

/** Why a move is held back, in the words staff see on the button and in a 403. */
export const denialMessage = (reason: keyof typeof FORBIDDEN_MESSAGES) => FORBIDDEN_MESSAGES[reason];

/** Not visible → 404; visible but not allowed → 403 (with the reason); not from this state → 409. */
export function assertAllowed(viewer: Viewer, action: ArticleAction, article: ArticleFacts, rules: NewsroomRules = DEFAULT_RULES, entry?: EntryFacts) {
  const decision = can(viewer, action, article, rules, entry);
  if (decision.ok) return;
  if (decision.reason === "not_visible") throw notFound("That article");
  if (decision.reason === "not_live_coverage") throw new AppError("INVALID_TRANSITION", "Entries belong to live coverage, and this story is not live coverage.", { kind: "STORY" });
  if (decision.reason === "invalid_transition") {
    const state = STATE_LABELS[article.status].toLowerCase();
    const detail = article.live ? (article.changes ? ", live with unpublished changes," : ", live with no unpublished changes,") : "";
    throw new AppError("INVALID_TRANSITION", `An article that is ${state}${detail} cannot do that.`, { status: article.status });
  }
  throw new AppError("FORBIDDEN", denialMessage(decision.reason), { reason: decision.reason });
}
