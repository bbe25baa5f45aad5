import type { JSONContent } from "@tiptap/core";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { bylineSelect, contentSelect, readerAuthor, teaserOf, type ReaderArticle } from "@/lib/reader/published";
import { parseInput } from "@/lib/validation";
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

/**
 * A share link to the story's working copy for someone without an account.
 * The token is 256 random bits, shown once; only its hash is stored.
 */
export async function createPreviewLink(viewer: Viewer, input: unknown) {
  const { articleId, expiresInSeconds } = parseInput(CreatePreviewInput, input);
  if (viewer.kind !== "staff") throw new AppError("FORBIDDEN", "Only staff share previews.");
  const article = await findVisible(db(), viewer, articleId);
  assertAllowed(viewer, "preview", article);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + expiresInSeconds * 1000);
  await db().articlePreview.create({ data: { articleId: article.id, tokenHash: hashOf(token), expiresAt, createdById: viewer.id } });
  return { url: `${appUrl()}/preview/${token}`, expiresAt: expiresAt.toISOString() };
}

/** Ends every share link of the story at once. */
export async function revokePreviewLinks(viewer: Viewer, articleId: string) {
  const article = await findVisible(db(), viewer, articleId);
  assertAllowed(viewer, "preview", article);
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
      corrections: { orderBy: { createdAt: "asc" }, select: { kind: true, note: true, createdAt: true, publishedAt: true } },
    },
  });
  if (!row) return null;
  return {
    ...teaserOf(row.id, readerAuthor(row), row.publishedAt ?? new Date(), row),
    body: row.body,
    updatedAt: null,
    tags: row.tags.map((t) => t.tag).sort((a, b) => a.name.localeCompare(b.name)),
    // A pending correction goes public with these changes, so the preview shows it.
    corrections: row.corrections.map((c) => ({ kind: c.kind, note: c.note, publishedAt: (c.publishedAt ?? c.createdAt).toISOString() })),
  };
}

/** A share link's story, or null once it is unknown, revoked or expired. */
/** The story a share link opens, while the link works. */
export async function previewedArticleId(token: string, now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const link = await db().articlePreview.findUnique({ where: { tokenHash: hashOf(token) }, select: { articleId: true, expiresAt: true } });
  return link && link.expiresAt > now ? link.articleId : null;
}

/** A share link's story, its images addressed with the link's token (the media route lets the token see them). */
export async function previewByToken(token: string, now = new Date()): Promise<ReaderArticle | null> {
  const articleId = await previewedArticleId(token, now);
  const article = articleId ? await workingCopy(articleId) : null;
  if (!article) return null;
  const withToken = (src: string) => `${src}?preview=${token}`;
  const mapFigures = (node: JSONContent): JSONContent =>
    node.type === "figure"
      ? { ...node, attrs: { ...node.attrs, src: withToken(String(node.attrs?.src ?? "")) } }
      : node.content ? { ...node, content: node.content.map(mapFigures) } : node;
  return {
    ...article,
    body: mapFigures(article.body as JSONContent),
    image: article.image && {
      ...article.image,
      src: withToken(article.image.src),
      srcSet: article.image.srcSet.split(", ").map((entry) => entry.replace(/^(\S+)/, (src) => withToken(src))).join(", "),
    },
  };
}

/** Staff open any story they may see as readers would. */
export async function staffPreview(viewer: Viewer, articleId: string): Promise<ReaderArticle> {
  const article = await findVisible(db(), viewer, articleId);
  assertAllowed(viewer, "preview", article);
  return (await workingCopy(article.id))!;
}
