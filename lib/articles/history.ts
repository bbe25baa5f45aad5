import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/policy";
import { expireArticlePages, readerFacts } from "@/lib/reader-cache";
import { parseInput } from "@/lib/validation";
import { recordRevision, replaceTags } from "./content";
import { assertAllowed, findVisible } from "./find";
import { conflict } from "./save-draft";
import { RestoreRevisionInput } from "./schemas";

export async function listRevisions(viewer: Viewer, articleId: string) {
  const article = await findVisible(db(), viewer, articleId);
  return db().revision.findMany({
    where: { articleId: article.id },
    orderBy: { version: "desc" },
    select: { id: true, version: true, headline: true, standfirst: true, body: true, slug: true, tagSlugs: true, createdAt: true, author: { select: { id: true, name: true } } },
  });
}

export async function listEvents(viewer: Viewer, articleId: string) {
  const article = await findVisible(db(), viewer, articleId);
  return db().workflowEvent.findMany({
    where: { articleId: article.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, action: true, fromStatus: true, toStatus: true, note: true, createdAt: true, actor: { select: { id: true, name: true } } },
  });
}

/**
 * Brings an old revision's content back as a new save: a new version and a
 * new revision on top of history, which is never rewritten. Names the version
 * it was asked from, like any save.
 */
export async function restoreRevision(viewer: Viewer, input: unknown) {
  const { articleId, revisionId, version } = parseInput(RestoreRevisionInput, input);
  const { restored, before } = await db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    assertAllowed(viewer, "edit", article);
    const before = article.status === "PUBLISHED" ? await readerFacts(tx, article.id) : null;
    const revision = await tx.revision.findFirst({ where: { id: revisionId, articleId: article.id } });
    if (!revision) throw notFound("That revision");
    const { count } = await tx.article.updateMany({
      where: { id: article.id, version },
      data: {
        headline: revision.headline,
        standfirst: revision.standfirst,
        body: revision.body as Prisma.InputJsonValue,
        sectionId: revision.sectionId,
        heroImageId: revision.heroImageId,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw await conflict(tx, article.id);
    const tags = await tx.tag.findMany({ where: { slug: { in: revision.tagSlugs } }, select: { name: true } });
    await replaceTags(tx, article.id, tags.map((tag) => tag.name));
    await recordRevision(tx, article.id, viewer.kind === "staff" ? viewer.id : article.authorId);
    const restored = await tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { id: true, version: true, status: true } });
    return { restored, before };
  });
  if (before) await expireArticlePages(before, restored.id);
  return restored;
}
