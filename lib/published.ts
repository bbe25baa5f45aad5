import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { imageUrl } from "@/lib/media";
import { authorTag, sectionTag, slugTag, TIMELINE, topicTag } from "@/lib/reader-tags";

/**
 * The ONE way readers' pages, feeds and the content API read articles.
 * Every query here is limited to published articles. Reads are cached and
 * tagged (lib/reader-tags.ts); services expire the tags when a change
 * commits, and READER_TTL_S is only the backstop.
 */
export const READER_TTL_S = 300;
export const PAGE_SIZE = 12;
const PUBLISHED = { status: "PUBLISHED" } as const satisfies Prisma.ArticleWhereInput;

/** Cached and tagged inside the Next server; outside it (tests, scripts) a plain database read. */
function cached<A extends (string | number | undefined)[], R>(name: string, read: (...args: A) => Promise<R>, tags: (...args: A) => string[]) {
  return (...args: A): Promise<R> =>
    process.env.NEXT_RUNTIME
      ? unstable_cache(() => read(...args), ["reader", name, ...args.map(String)], { tags: tags(...args), revalidate: READER_TTL_S })()
      : read(...args);
}

export interface ReaderImage {
  src: string;
  srcSet: string;
  alt: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
}

export interface Teaser {
  id: string;
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: string;
  section: { slug: string; name: string } | null;
  author: { id: string; name: string };
  image: ReaderImage | null;
}

const teaserSelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  publishedAt: true,
  section: { select: { slug: true, name: true } },
  author: { select: { id: true, name: true } },
  heroImage: { select: { storageKey: true, widths: true, altText: true, width: true, height: true, caption: true, credit: true } },
} satisfies Prisma.ArticleSelect;

type TeaserRow = Prisma.ArticleGetPayload<{ select: typeof teaserSelect }>;

function toImage(media: TeaserRow["heroImage"]): ReaderImage | null {
  if (!media) return null;
  const widths = [...media.widths].sort((a, b) => a - b);
  return {
    src: imageUrl(media.storageKey, widths.at(-1) ?? media.width),
    srcSet: widths.map((width) => `${imageUrl(media.storageKey, width)} ${width}w`).join(", "),
    alt: media.altText,
    width: media.width,
    height: media.height,
    caption: media.caption,
    credit: media.credit,
  };
}

const toTeaser = (row: TeaserRow): Teaser => ({
  id: row.id,
  slug: row.slug,
  headline: row.headline,
  standfirst: row.standfirst,
  publishedAt: row.publishedAt!.toISOString(),
  section: row.section,
  author: row.author,
  image: toImage(row.heroImage),
});

const NEWEST_FIRST = [{ publishedAt: "desc" }, { id: "desc" }] satisfies Prisma.ArticleOrderByWithRelationInput[];

/** One page of a list, plus whether another follows. */
async function listPage(where: Prisma.ArticleWhereInput, page: number): Promise<{ articles: Teaser[]; hasMore: boolean }> {
  const rows = await db().article.findMany({
    where: { AND: [PUBLISHED, where] },
    orderBy: NEWEST_FIRST,
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
    select: teaserSelect,
  });
  return { articles: rows.slice(0, PAGE_SIZE).map(toTeaser), hasMore: rows.length > PAGE_SIZE };
}

export const frontPage = cached("front", (page: number) => listPage({}, page), () => [TIMELINE]);

export const sectionPage = cached(
  "section",
  async (slug: string, page: number) => {
    const section = await db().section.findUnique({ where: { slug }, select: { slug: true, name: true, description: true } });
    return section && { section, ...(await listPage({ section: { slug } }, page)) };
  },
  (slug) => [sectionTag(slug)],
);

export const tagPage = cached(
  "tag",
  async (slug: string, page: number) => {
    const tag = await db().tag.findUnique({ where: { slug }, select: { slug: true, name: true } });
    return tag && { tag, ...(await listPage({ tags: { some: { tag: { slug } } } }, page)) };
  },
  (slug) => [topicTag(slug)],
);

export const authorPage = cached(
  "author",
  async (id: string, page: number) => {
    const author = await db().user.findUnique({ where: { id }, select: { id: true, name: true } });
    if (!author) return null;
    const list = await listPage({ authorId: id }, page);
    // Someone with nothing published has no public page.
    return list.articles.length === 0 && page === 1 ? null : { author, ...list };
  },
  (id) => [authorTag(id)],
);

export interface ReaderArticle extends Teaser {
  body: unknown;
  updatedAt: string | null;
  tags: { slug: string; name: string }[];
  corrections: { note: string; createdAt: string }[];
}

export type ArticleLookup =
  | { kind: "article"; article: ReaderArticle; previous: Teaser | null; next: Teaser | null; related: Teaser[] }
  | { kind: "moved"; slug: string }
  | { kind: "gone" }
  | { kind: "missing" };

/** Published → the article and its neighbours; an old slug → where it moved; archived → gone. */
export const articleBySlug = cached(
  "article",
  async (slug: string): Promise<ArticleLookup> => {
    const row = await db().article.findUnique({
      where: { slug },
      select: {
        ...teaserSelect,
        status: true,
        body: true,
        sectionId: true,
        tags: { select: { tag: { select: { slug: true, name: true } } } },
        corrections: { orderBy: { createdAt: "asc" }, select: { note: true, createdAt: true } },
        revisions: { orderBy: { version: "desc" }, take: 1, select: { createdAt: true } },
      },
    });
    if (!row) {
      const moved = await db().slugRedirect.findUnique({ where: { slug }, select: { article: { select: { slug: true, status: true } } } });
      if (moved?.article.status === "PUBLISHED") return { kind: "moved", slug: moved.article.slug };
      return moved?.article.status === "ARCHIVED" ? { kind: "gone" } : { kind: "missing" };
    }
    if (row.status === "ARCHIVED") return { kind: "gone" };
    if (row.status !== "PUBLISHED") return { kind: "missing" };
    const publishedAt = row.publishedAt!;
    const lastEdit = row.revisions[0]?.createdAt;
    const [previous, next, related] = await Promise.all([
      db().article.findFirst({ where: { ...PUBLISHED, publishedAt: { lt: publishedAt } }, orderBy: NEWEST_FIRST, select: teaserSelect }),
      db().article.findFirst({ where: { ...PUBLISHED, publishedAt: { gt: publishedAt } }, orderBy: [{ publishedAt: "asc" }, { id: "asc" }], select: teaserSelect }),
      row.sectionId
        ? db().article.findMany({ where: { ...PUBLISHED, sectionId: row.sectionId, id: { not: row.id } }, orderBy: NEWEST_FIRST, take: 3, select: teaserSelect })
        : Promise.resolve([]),
    ]);
    return {
      kind: "article",
      article: {
        ...toTeaser(row),
        body: row.body,
        // "Updated" only for a real edit after publication, not for the publish itself.
        updatedAt: lastEdit && lastEdit.getTime() > publishedAt.getTime() + 60_000 ? lastEdit.toISOString() : null,
        tags: row.tags.map((t) => t.tag).sort((a, b) => a.name.localeCompare(b.name)),
        corrections: row.corrections.map((c) => ({ note: c.note, createdAt: c.createdAt.toISOString() })),
      },
      previous: previous && toTeaser(previous),
      next: next && toTeaser(next),
      related: related.map(toTeaser),
    };
  },
  (slug) => [slugTag(slug), TIMELINE],
);

export interface FeedItem extends Teaser {
  bodyText: string;
}

/** The newest stories for feeds, whole or for one section. */
export const feedItems = cached(
  "feed",
  async (sectionSlug: string | undefined) => {
    const rows = await db().article.findMany({ where: { ...PUBLISHED, ...(sectionSlug && { section: { slug: sectionSlug } }) }, orderBy: NEWEST_FIRST, take: 30, select: teaserSelect });
    return rows.map(toTeaser);
  },
  (sectionSlug) => [sectionSlug ? sectionTag(sectionSlug) : TIMELINE, TIMELINE],
);

export const SITEMAP_CHUNK = 10_000;

export const sitemapChunkCount = cached("sitemap-count", async () => Math.max(1, Math.ceil((await db().article.count({ where: PUBLISHED })) / SITEMAP_CHUNK)), () => [TIMELINE]);

export const sitemapChunk = cached(
  "sitemap",
  async (chunk: number) => {
    const rows = await db().article.findMany({
      where: PUBLISHED,
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      skip: chunk * SITEMAP_CHUNK,
      take: SITEMAP_CHUNK,
      select: { slug: true, updatedAt: true },
    });
    return rows.map((row) => ({ slug: row.slug, updatedAt: row.updatedAt.toISOString() }));
  },
  () => [TIMELINE],
);

/** Stories of the last 48 hours, for news search engines. */
export const recentForNews = cached(
  "news",
  async () => {
    const since = new Date(Date.now() - 48 * 3_600_000);
    const rows = await db().article.findMany({ where: { ...PUBLISHED, publishedAt: { gte: since } }, orderBy: NEWEST_FIRST, take: 1000, select: teaserSelect });
    return rows.map(toTeaser);
  },
  () => [TIMELINE],
);

export const readerSections = cached("sections", () => db().section.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true } }), () => [TIMELINE]);

export interface SearchHit extends Teaser {
  /** the matching passage; the search terms are wrapped in \u0002 … \u0003 */
  snippet: string;
}

export const MAX_QUERY_LENGTH = 200;

/** PostgreSQL full-text search, best match first; not cached (every query differs). */
export async function searchArticles(query: string, page: number): Promise<{ hits: SearchHit[]; hasMore: boolean }> {
  const q = query.trim().slice(0, MAX_QUERY_LENGTH);
  if (!q) return { hits: [], hasMore: false };
  const rows = await db().$queryRaw<{ id: string; snippet: string }[]>`
    SELECT a."id",
           ts_headline('english', a."standfirst" || ' ' || article_body_text(a."body"), query,
                       'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
      FROM "Article" a, websearch_to_tsquery('english', ${q}) query
     WHERE a."status" = 'PUBLISHED'
       AND article_search_document(a."headline", a."standfirst", a."body") @@ query
     ORDER BY ts_rank(article_search_document(a."headline", a."standfirst", a."body"), query) DESC, a."publishedAt" DESC
     LIMIT ${PAGE_SIZE + 1} OFFSET ${(page - 1) * PAGE_SIZE}`;
  const teasers = await db().article.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: teaserSelect });
  const byId = new Map(teasers.map((row) => [row.id, toTeaser(row)]));
  const hits = rows.slice(0, PAGE_SIZE).flatMap((row) => {
    const teaser = byId.get(row.id);
    return teaser ? [{ ...teaser, snippet: row.snippet }] : [];
  });
  return { hits, hasMore: rows.length > PAGE_SIZE };
}

/** The content API's list: newest first, keyset cursor on (publishedAt, id). */
export const contentList = cached(
  "content-list",
  async (section: string | undefined, tag: string | undefined, cursor: string | undefined) => {
    const after = cursor ? decodeCursor(cursor) : null;
    const rows = await db().article.findMany({
      where: {
        AND: [
          PUBLISHED,
          ...(section ? [{ section: { slug: section } }] : []),
          ...(tag ? [{ tags: { some: { tag: { slug: tag } } } }] : []),
          ...(after ? [{ OR: [{ publishedAt: { lt: after.publishedAt } }, { publishedAt: after.publishedAt, id: { lt: after.id } }] }] : []),
        ],
      },
      orderBy: NEWEST_FIRST,
      take: 26,
      select: teaserSelect,
    });
    const page = rows.slice(0, 25).map(toTeaser);
    const last = page.at(-1);
    return { articles: page, nextCursor: rows.length > 25 && last ? Buffer.from(`${last.publishedAt}|${last.id}`).toString("base64url") : null };
  },
  (section, tag) => [TIMELINE, ...(section ? [sectionTag(section)] : []), ...(tag ? [topicTag(tag)] : [])],
);

function decodeCursor(cursor: string): { publishedAt: Date; id: string } | null {
  const [time, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const publishedAt = new Date(time ?? "");
  return id && !Number.isNaN(publishedAt.getTime()) ? { publishedAt, id } : null;
}

/** Slugs readers must be told are gone (410): archived articles, current and former slugs. */
export async function archivedSlugs(): Promise<string[]> {
  const rows = await db().article.findMany({ where: { status: "ARCHIVED" }, select: { slug: true, oldSlugs: { select: { slug: true } } } });
  return rows.flatMap((row) => [row.slug, ...row.oldSlugs.map((old) => old.slug)]);
}
