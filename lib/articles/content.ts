import type { JSONContent } from "@tiptap/core";
import { figureSources } from "@/lib/content/document";
import { AppError } from "@/lib/errors";
import { Prisma, type Revision, type RevisionKind } from "@/lib/generated/prisma/client";
import { changedFraming, type FramingChange, storedFraming } from "@/lib/media/crops";
import { firstPhotoOf } from "@/lib/media/first-photo";
import { imageFolder } from "@/lib/media/image";
import { registerCrops } from "@/lib/media/register-crops";
import { slugify } from "@/lib/slug";
import { WORKFLOW_ACTIONS } from "@/lib/workflow";

type Tx = Prisma.TransactionClient;

const invalid = (field: string, message: string) => new AppError("VALIDATION", `${field}: ${message}`, { field });

export async function checkSection(tx: Tx, sectionId: string | null): Promise<void> {
  if (sectionId !== null && !(await tx.section.findUnique({ where: { id: sectionId }, select: { id: true } }))) {
    throw invalid("sectionId", "no such section.");
  }
}

/** A slug is free when no other article uses it now or used it before (old links must keep working). */
export async function slugTaken(tx: Tx, slug: string, articleId?: string): Promise<boolean> {
  const [current, former] = await Promise.all([
    tx.article.findUnique({ where: { slug }, select: { id: true } }),
    tx.slugRedirect.findUnique({ where: { slug }, select: { articleId: true } }),
  ]);
  return Boolean((current && current.id !== articleId) || (former && former.articleId !== articleId));
}

/** What a save says of a slug it kept back because another story has (or had) it. */
export const slugTakenMessage = (slug: string) => `Slug: "${slug}" is already taken by another story; choose another.`;

/** Tag names → tag rows, creating the ones that do not exist yet. */
export async function resolveTags(tx: Tx, names: string[]): Promise<{ id: string; slug: string }[]> {
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) throw invalid("tags", `"${name}" needs a letter or digit.`);
    bySlug.set(slug, name.trim());
  }
  return Promise.all(
    [...bySlug].map(([slug, name]) => tx.tag.upsert({ where: { slug }, update: {}, create: { slug, name }, select: { id: true, slug: true } })),
  );
}

export async function replaceTags(tx: Tx, articleId: string, names: string[]): Promise<void> {
  const tags = await resolveTags(tx, names);
  await tx.articleTag.deleteMany({ where: { articleId } });
  await tx.articleTag.createMany({ data: tags.map((tag) => ({ articleId, tagId: tag.id })) });
}

/** A text or framing a save kept back (./field-check.ts) is absent. */
type HeroInput = ({ mediaId: string; alt?: string; caption?: string; credit?: string } & FramingChange) | null;
type StoredHero = { heroImageId: string | null; heroAlt: string; heroCaption: string; heroCredit: string; heroFocus: unknown };

/**
 * The hero image, its texts and its framing as article columns. They belong
 * to this story (and its revisions), never to the shared image, so no story
 * can change another's caption or crop. A text or framing kept back keeps the
 * stored one while the image stays the same, and is empty for a new image
 * (another photo's alt text would describe the wrong picture, its focal
 * point the wrong place).
 */
export async function heroColumns(tx: Tx, hero: HeroInput, stored?: StoredHero) {
  if (hero === null) return { heroImageId: null, heroAlt: "", heroCaption: "", heroCredit: "", heroFocus: {} };
  const photo = await tx.media.findUnique({ where: { id: hero.mediaId }, select: { width: true, height: true } });
  if (!photo) throw invalid("hero", "no such uploaded image.");
  const same = stored?.heroImageId === hero.mediaId;
  let framing;
  try {
    framing = changedFraming(photo, same ? storedFraming(stored.heroFocus) : null, hero);
  } catch (error) {
    throw invalid("hero", (error as Error).message);
  }
  return {
    heroImageId: hero.mediaId,
    heroAlt: hero.alt ?? (same ? stored.heroAlt : ""),
    heroCaption: hero.caption ?? (same ? stored.heroCaption : ""),
    heroCredit: hero.credit ?? (same ? stored.heroCredit : ""),
    heroFocus: (framing ?? {}) as Prisma.InputJsonValue,
  };
}

/** Autosaves by one person within this window fold into one revision. */
const FOLD_WINDOW_MS = 5 * 60_000;

/** The content columns a revision copies from the working copy (and a reset copies back). */
export const CONTENT_FIELDS = ["headline", "standfirst", "body", "slug", "sectionId", "heroImageId", "heroAlt", "heroCaption", "heroCredit", "heroFocus", "seoTitle", "description", "socialImageId"] as const;
type ContentField = (typeof CONTENT_FIELDS)[number];

/**
 * Writes a revision's content (the given fields, and its tags) into the
 * working copy as a new version, if the row still matches `where` (the
 * caller's compare-and-set). Returns whether it did.
 */
export async function copyRevisionIntoArticle(tx: Tx, where: { id: string } & Prisma.ArticleWhereInput, revision: Revision, fields: readonly ContentField[] = CONTENT_FIELDS): Promise<boolean> {
  const content = Object.fromEntries(fields.map((field) => [field, revision[field]]));
  const { count } = await tx.article.updateMany({ where, data: { ...content, body: revision.body as Prisma.InputJsonValue, version: { increment: 1 } } });
  if (count !== 1) return false;
  const tags = await tx.tag.findMany({ where: { slug: { in: revision.tagSlugs } }, select: { id: true } });
  await tx.articleTag.deleteMany({ where: { articleId: where.id } });
  await tx.articleTag.createMany({ data: tags.map((tag) => ({ articleId: where.id, tagId: tag.id })) });
  return true;
}

/**
 * A snapshot of the working copy as the revision of its current version.
 * A save folds into the newest revision when the same person made it within
 * a few minutes and nothing has happened to it since — no workflow step, not
 * live, not scheduled, not a restore — so history stays bounded while every
 * step, publish and restore keeps its own revision. Returns the revision's id.
 */
/**
 * The stored images a story's content shows: its hero, the photos in its body
 * and its share image — readers' pages link that one in og:image, so it is
 * public exactly while a live revision lists it, like the others.
 */
export async function mediaIdsOf(tx: Pick<Tx, "media">, heroImageId: string | null, body: unknown, socialImageId: string | null = null): Promise<string[]> {
  const folders = [...new Set(figureSources(body as JSONContent).map(imageFolder).filter((folder): folder is string => folder !== null))];
  const figures = folders.length > 0 ? await tx.media.findMany({ where: { OR: folders.map((folder) => ({ storageKey: { startsWith: folder } })) }, select: { id: true } }) : [];
  return [...new Set([...(heroImageId ? [heroImageId] : []), ...(socialImageId ? [socialImageId] : []), ...figures.map((media) => media.id)])].sort();
}

/** The body's first photo as a revision records it for cards (its crops recorded too), or none. */
async function firstPhotoColumns(tx: Tx, body: unknown) {
  const photo = firstPhotoOf(body);
  const folder = photo && imageFolder(photo.src);
  const media = folder ? await tx.media.findFirst({ where: { storageKey: { startsWith: folder } }, select: { id: true } }) : null;
  if (!photo || !media) return { firstPhotoId: null, firstPhoto: Prisma.DbNull };
  await registerCrops(tx, media.id, photo.framing);
  return { firstPhotoId: media.id, firstPhoto: { alt: photo.alt, decorative: photo.decorative, ...(photo.framing && { focus: photo.framing.focus }) } };
}

export async function recordRevision(tx: Tx, articleId: string, authorId: string, kind: RevisionKind = "SAVE", now = new Date()): Promise<string> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    include: { tags: { include: { tag: { select: { slug: true } } } } },
  });
  const snapshot = {
    version: article.version,
    ...Object.fromEntries(CONTENT_FIELDS.map((field) => [field, article[field]])),
    body: article.body as Prisma.InputJsonValue,
    tagSlugs: article.tags.map((t) => t.tag.slug).sort(),
    mediaIds: await mediaIdsOf(tx, article.heroImageId, article.body, article.socialImageId),
    ...(await firstPhotoColumns(tx, article.body)),
  } as Omit<Prisma.RevisionUncheckedCreateInput, "articleId" | "authorId" | "kind">;
  if (article.heroImageId) await registerCrops(tx, article.heroImageId, storedFraming(article.heroFocus));
  if (kind === "SAVE") {
    const latest = await tx.revision.findFirst({ where: { articleId }, orderBy: { version: "desc" }, select: { id: true, authorId: true, kind: true, createdAt: true } });
    const foldable =
      latest !== null &&
      latest.kind === "SAVE" &&
      latest.authorId === authorId &&
      now.getTime() - latest.createdAt.getTime() < FOLD_WINDOW_MS &&
      latest.id !== article.liveRevisionId &&
      latest.id !== article.scheduledRevisionId &&
      (await tx.workflowEvent.count({ where: { articleId, action: { in: WORKFLOW_ACTIONS }, createdAt: { gte: latest.createdAt } } })) === 0;
    if (foldable) {
      await tx.revision.update({ where: { id: latest.id }, data: snapshot });
      return latest.id;
    }
  }
  const revision = await tx.revision.create({ data: { articleId, authorId, kind, createdAt: now, ...snapshot }, select: { id: true } });
  return revision.id;
}
