import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/policy";
import { findVisible, type FoundArticle } from "@/lib/articles/find";
import { photoRightsOf } from "@/lib/media/rights";
import { checkSettings } from "@/lib/settings";
import { runChecks, type Candidate } from "./checks";

type Tx = Prisma.TransactionClient;

/** The version about to go out, as the checks read it: the scheduled revision, or the working copy. */
export async function candidateOf(tx: Tx, article: FoundArticle, scheduled: boolean, now = new Date()): Promise<Candidate> {
  const content = scheduled ? await tx.revision.findUniqueOrThrow({ where: { id: article.scheduledRevisionId! } }) : article;
  return {
    version: content.version,
    headline: content.headline,
    body: content.body as JSONContent,
    sectionId: content.sectionId,
    heroImageId: content.heroImageId,
    heroAlt: content.heroAlt,
    description: content.description,
    needsLegalReview: article.needsLegalReview,
    legalClearedVersion: article.legalClearedVersion,
    // The photos' rights are read now, at the move, from the photos themselves: a renewal counts at once.
    photos: await photoRightsOf(tx, content),
    checkedAt: now,
  };
}

/** The last look's checks: every rule on the working copy as saved, pass / warn / block and why. */
export async function lastLookChecks(viewer: Viewer, articleId: string) {
  return db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    const checks = runChecks(await candidateOf(tx, article, false), await checkSettings(tx));
    return { version: article.version, embargoUntil: article.embargoUntil, checks };
  });
}
