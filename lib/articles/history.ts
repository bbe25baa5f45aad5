import { z } from "zod";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { imageUrl } from "@/lib/media/image";
import type { Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { CONTENT_FIELDS, copyRevisionIntoArticle, recordRevision } from "./content";
import { assertAllowed, findVisible } from "./find";
import { conflict } from "./save-draft";
import { RestoreRevisionInput } from "./schemas";

export const REVISIONS_PAGE_SIZE = 20;

const ListRevisionsInput = z
  .object({
    articleId: z.string().min(1).max(64),
    /** the page after the one that ended at this version */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(REVISIONS_PAGE_SIZE),
  })
  .strict();

/**
 * Revisions newest first, one page at a time (keyset on the version), with
 * everything a reviewer compares: the text, the photos with their captions,
 * credits and alt text, the section and the tags — and which one is live.
 */
export async function listRevisions(viewer: Viewer, input: unknown) {
  const { articleId, before, limit } = parseInput(ListRevisionsInput, input);
  const article = await findVisible(db(), viewer, articleId);
  const rows = await db().revision.findMany({
    where: { articleId: article.id, ...(before !== undefined && { version: { lt: before } }) },
    orderBy: { version: "desc" },
    take: limit + 1,
    select: {
      id: true,
      version: true,
      kind: true,
      headline: true,
      standfirst: true,
      body: true,
      slug: true,
      tagSlugs: true,
      heroAlt: true,
      heroCaption: true,
      heroCredit: true,
      heroImage: { select: { storageKey: true, widths: true } },
      seoTitle: true,
      description: true,
      socialImageId: true,
      section: { select: { name: true } },
      createdAt: true,
      author: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, limit);
  // The share image has no relation of its own on a revision: one look-up for the page.
  const socialIds = [...new Set(page.map((revision) => revision.socialImageId).filter((id): id is string => id !== null))];
  const socialImages = new Map(
    socialIds.length > 0 ? (await db().media.findMany({ where: { id: { in: socialIds } }, select: { id: true, storageKey: true, widths: true } })).map((media) => [media.id, imageUrl(media.storageKey, Math.min(...media.widths))]) : [],
  );
  return {
    revisions: page.map(({ heroImage, socialImageId, ...revision }) => ({
      ...revision,
      heroUrl: heroImage && imageUrl(heroImage.storageKey, Math.min(...heroImage.widths)),
      socialImageUrl: socialImageId ? (socialImages.get(socialImageId) ?? null) : null,
      live: revision.id === article.liveRevisionId,
      scheduled: revision.id === article.scheduledRevisionId,
    })),
    nextBefore: rows.length > limit ? page.at(-1)!.version : null,
  };
}

export type RevisionPage = Awaited<ReturnType<typeof listRevisions>>;

export async function listEvents(viewer: Viewer, articleId: string) {
  const article = await findVisible(db(), viewer, articleId);
  return db().workflowEvent.findMany({
    where: { articleId: article.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, action: true, fromStatus: true, toStatus: true, note: true, createdAt: true, actor: { select: { id: true, name: true } } },
  });
}

/**
 * Brings an old revision's content back into the working copy as a new
 * save: a new version and a revision of its own on top of history, which is
 * never rewritten. Readers see nothing of it until it is published. Names
 * the version it was asked from, like any save.
 */
export async function restoreRevision(viewer: Viewer, input: unknown) {
  const { articleId, revisionId, version } = parseInput(RestoreRevisionInput, input);
  return db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    assertAllowed(viewer, "edit", article);
    const revision = await tx.revision.findFirst({ where: { id: revisionId, articleId: article.id } });
    if (!revision) throw notFound("That revision");
    // The slug stays: a restore must not take back a URL readers may have.
    const restored = await copyRevisionIntoArticle(tx, { id: article.id, version, status: article.status }, revision, CONTENT_FIELDS.filter((field) => field !== "slug"));
    if (!restored) throw await conflict(tx, article.id);
    await recordRevision(tx, article.id, viewer.kind === "staff" ? viewer.id : article.authorId, "RESTORE");
    return tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { id: true, version: true, status: true } });
  });
}
