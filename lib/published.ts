import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The ONE way reader pages read content. Every query here filters to
 * published articles whose publish time has come; nothing under app/(site)
 * reads the database any other way.
 */
const readerVisible = (now: Date): Prisma.ArticleWhereInput => ({
  status: "PUBLISHED",
  publishedAt: { lte: now },
});

const teaserSelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  publishedAt: true,
  section: { select: { slug: true, name: true } },
  author: { select: { id: true, name: true } },
  heroImage: { select: { storageKey: true, widths: true, altText: true, width: true, height: true } },
} satisfies Prisma.ArticleSelect;

export type ArticleTeaser = Prisma.ArticleGetPayload<{ select: typeof teaserSelect }> & { publishedAt: Date };

export async function latestArticles(limit: number, now = new Date()): Promise<ArticleTeaser[]> {
  const rows = await db().article.findMany({
    where: readerVisible(now),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: teaserSelect,
  });
  return rows as ArticleTeaser[];
}

const articleSelect = {
  ...teaserSelect,
  body: true,
  updatedAt: true,
  heroImage: { select: { ...teaserSelect.heroImage.select, caption: true, credit: true } },
  tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
} satisfies Prisma.ArticleSelect;

export type PublishedArticle = Prisma.ArticleGetPayload<{ select: typeof articleSelect }> & { publishedAt: Date };

export async function publishedArticle(slug: string, now = new Date()): Promise<PublishedArticle | null> {
  const row = await db().article.findFirst({ where: { slug, ...readerVisible(now) }, select: articleSelect });
  return row as PublishedArticle | null;
}
