import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { slugify } from "@/lib/slug";

type Tx = Prisma.TransactionClient;

const invalid = (field: string, message: string) => new AppError("VALIDATION", `${field}: ${message}`, { field });

export async function checkSection(tx: Tx, sectionId: string | null): Promise<void> {
  if (sectionId !== null && !(await tx.section.findUnique({ where: { id: sectionId }, select: { id: true } }))) {
    throw invalid("sectionId", "no such section.");
  }
}

/** A slug is free when no other article uses it now or used it before (old links must keep working). */
export async function checkSlugFree(tx: Tx, slug: string, articleId?: string): Promise<void> {
  const [current, former] = await Promise.all([
    tx.article.findUnique({ where: { slug }, select: { id: true } }),
    tx.slugRedirect.findUnique({ where: { slug }, select: { articleId: true } }),
  ]);
  if ((current && current.id !== articleId) || (former && former.articleId !== articleId)) {
    throw new AppError("CONFLICT", `The slug "${slug}" is already taken.`, { field: "slug" });
  }
}

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

/** The hero image's texts live on its media row; returns the media id to link (or null). */
export async function applyHero(tx: Tx, hero: { mediaId: string; alt: string; caption: string; credit: string } | null): Promise<string | null> {
  if (hero === null) return null;
  const { count } = await tx.media.updateMany({
    where: { id: hero.mediaId },
    data: { altText: hero.alt, caption: hero.caption, credit: hero.credit },
  });
  if (count !== 1) throw invalid("hero", "no such uploaded image.");
  return hero.mediaId;
}

/** A full snapshot of the article as it now stands, as the revision for its current version. */
export async function recordRevision(tx: Tx, articleId: string, authorId: string): Promise<void> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    include: { tags: { include: { tag: { select: { slug: true } } } } },
  });
  await tx.revision.create({
    data: {
      articleId,
      authorId,
      version: article.version,
      headline: article.headline,
      standfirst: article.standfirst,
      body: article.body as Prisma.InputJsonValue,
      slug: article.slug,
      sectionId: article.sectionId,
      heroImageId: article.heroImageId,
      tagSlugs: article.tags.map((t) => t.tag.slug).sort(),
    },
  });
}
