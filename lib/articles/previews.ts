import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { embargoPhrase, underEmbargo } from "@/lib/publishing/embargo";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { photosById, placedPhoto, type ReaderArticle, sizesByFolder } from "@/lib/reader/article";
import { bylineSelect, contentSelect, readerAuthor, teaserOf } from "@/lib/reader/read";
import { parseInput } from "@/lib/validation";
import { EDITING, transitionOf, WORKFLOW_ACTIONS } from "@/lib/workflow";
import { mediaIdsOf } from "./content";
import { assertAllowed, findVisible } from "./find";

const PREVIEW_DEFAULT_SECONDS = 48 * 3600;
const PREVIEW_MAX_SECONDS = 7 * 24 * 3600;

const CreatePreviewInput = z
  .object({
    articleId: z.string().min(1).max(64),
    expiresInSeconds: z.number().int().min(1).max(PREVIEW_MAX_SECONDS, "may be at most 7 days").default(PREVIEW_DEFAULT_SECONDS),
  })
  .strict();

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** The moves that take a story down (unpublish, archive): read off the table, so a new one is covered too. */
const WITHDRAWALS = WORKFLOW_ACTIONS.filter((action) => transitionOf(action).live === "clear");

/**
 * A share link to the story's working copy for someone without an account.
 * The token is 256 random bits, shown once; only its hash is stored. Sharing
 * hands out unpublished changes, so it takes the right to edit the story
 * (policy: `share`).
 */
export async function createPreviewLink(viewer: Viewer, input: unknown, now = new Date()) {
  const { articleId, expiresInSeconds } = parseInput(CreatePreviewInput, input);
  if (viewer.kind !== "staff") throw new AppError("FORBIDDEN", "Only staff share previews.");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + expiresInSeconds * 1000);
  const { id } = await db().$transaction(async (tx) => {
    // FOR SHARE: an unpublish or archive under way finishes first and is seen here; one that comes after waits for
    // this link, then deletes it with the story's other links (transition.ts). No link outlives a withdrawal.
    await tx.$queryRaw`SELECT 1 FROM "Article" WHERE "id" = ${articleId} FOR SHARE`;
    const article = await findVisible(tx, viewer, articleId);
    assertAllowed(viewer, "share", article);
    if (underEmbargo(article, now)) throw new AppError("INVALID_TRANSITION", `This story is ${embargoPhrase(article.embargoUntil)}: share links open once the embargo ends.`, { embargoUntil: article.embargoUntil.toISOString() });
    // createdAt from the same clock as WorkflowEvent.createdAt: previewedArticleId compares the two.
    return tx.articlePreview.create({ data: { articleId: article.id, tokenHash: hashOf(token), expiresAt, createdById: viewer.id, createdAt: now }, select: { id: true } });
  });
  return { id, url: `${appUrl()}/preview/${token}`, expiresAt: expiresAt.toISOString() };
}

/** The story's working links, newest first, with who made them. Never the token: only its hash is stored. */
export async function listPreviewLinks(viewer: Viewer, articleId: string, now = new Date()) {
  const article = await findVisible(db(), viewer, articleId);
  assertAllowed(viewer, "share", article);
  const links = await db().articlePreview.findMany({
    where: { articleId: article.id, expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, createdAt: true, expiresAt: true, createdBy: { select: { id: true, name: true } } },
  });
  return { links: links.map((link) => ({ ...link, createdAt: link.createdAt.toISOString(), expiresAt: link.expiresAt.toISOString() })) };
}

/** Ends one share link of the story; a link of another story is not found here. */
export async function revokePreviewLink(viewer: Viewer, articleId: string, linkId: string) {
  const article = await findVisible(db(), viewer, articleId);
  assertAllowed(viewer, "share", article);
  const { count } = await db().articlePreview.deleteMany({ where: { id: linkId, articleId: article.id } });
  if (count === 0) throw notFound("That share link");
  return { revoked: count };
}

/** Ends every share link of the story at once. */
export async function revokePreviewLinks(viewer: Viewer, articleId: string) {
  const article = await findVisible(db(), viewer, articleId);
  assertAllowed(viewer, "share", article);
  const { count } = await db().articlePreview.deleteMany({ where: { articleId: article.id } });
  return { revoked: count };
}

/** The working copy as readers would see it, or null when nothing is there to show. */
async function workingCopy(articleId: string): Promise<ReaderArticle | null> {
  const row = await db().article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      publishedAt: true,
      body: true,
      ...contentSelect,
      ...bylineSelect,
      tags: { select: { tag: { select: { slug: true, name: true } } } },
      seoTitle: true,
      description: true,
      socialImage: { select: { storageKey: true, width: true, height: true } },
      corrections: { orderBy: { createdAt: "asc" }, select: { kind: true, note: true, createdAt: true, publishedAt: true } },
    },
  });
  if (!row) return null;
  return {
    ...teaserOf(row.id, readerAuthor(row), row.publishedAt ?? new Date(), row),
    // A preview shows the opening; entries are posted to readers directly, not previewed.
    coverage: null,
    body: row.body,
    updatedAt: null,
    tags: row.tags.map((t) => t.tag).sort((a, b) => a.name.localeCompare(b.name)),
    // A pending correction goes public with these changes, so the preview shows it.
    corrections: row.corrections.map((c) => ({ kind: c.kind, note: c.note, publishedAt: (c.publishedAt ?? c.createdAt).toISOString() })),
    seoTitle: row.seoTitle,
    description: row.description,
    socialImage: row.socialImage && placedPhoto(row.socialImage),
    bodyPhotos: sizesByFolder((await photosById(await mediaIdsOf(db(), null, row.body))).values()),
    imageQuery: "",
  };
}

/**
 * The story a share link opens, while the link works: not revoked, not
 * expired, and the story not withdrawn since the link was made. A withdrawal
 * deletes the story's links in its own transaction; this check holds even if
 * a row were left behind — and the story's images (media-access.ts) ask here too.
 */
export async function previewedArticleId(token: string, now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const link = await db().articlePreview.findUnique({
    where: { tokenHash: hashOf(token) },
    select: { articleId: true, expiresAt: true, createdAt: true, article: { select: { status: true, embargoUntil: true } } },
  });
  if (!link || link.expiresAt <= now) return null;
  // Under embargo no public surface shows the story, a link made before the embargo included.
  if (underEmbargo(link.article, now)) return null;
  // A story nobody may edit (archived) shares nothing, whatever its links say.
  if (Object.keys(EDITING[link.article.status]).length === 0) return null;
  const withdrawn = await db().workflowEvent.findFirst({
    where: { articleId: link.articleId, action: { in: WITHDRAWALS }, createdAt: { gte: link.createdAt } },
    select: { id: true },
  });
  return withdrawn ? null : link.articleId;
}

/** A share link's story, its images addressed with the link's token (the media route lets the token see them). */
export async function previewByToken(token: string, now = new Date()): Promise<ReaderArticle | null> {
  const articleId = await previewedArticleId(token, now);
  const article = articleId ? await workingCopy(articleId) : null;
  if (!article) return null;
  return { ...article, imageQuery: `?preview=${token}` };
}

/** Staff open any story they may see as readers would. */
export async function staffPreview(viewer: Viewer, articleId: string): Promise<ReaderArticle> {
  const article = await findVisible(db(), viewer, articleId);
  assertAllowed(viewer, "preview", article);
  return (await workingCopy(article.id))!;
}
