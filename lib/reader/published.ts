import { unstable_cache } from "next/cache";
import { db, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import type { CorrectionKind, Prisma } from "@/lib/generated/prisma/client";
import { imageUrl } from "@/lib/media";
import { authorTag, CORRECTIONS, FRONT_PAGE, SECTIONS, sectionTag, slugTag, TIMELINE, topicTag } from "@/lib/reader/tags";

/**
 * The ONE way readers' pages, feeds and the content API read articles.
 * Readers get an article's live revision and nothing else: every query here
 * is limited to live articles and reads their content through
 * `liveRevision`, never the working copy staff are editing. Reads are cached
 * and tagged (lib/reader/tags.ts); services expire the tags when a change
 * commits, and READER_TTL_S is only the backstop.
 */
export const READER_TTL_S = 300;
export const PAGE_SIZE = 12;
const LIVE = { liveRevisionId: { not: null } } as const satisfies Prisma.ArticleWhereInput;
/**
 * Withdrawn = archived after readers had it (it was live once). Only such a
 * story is "gone" (410) — to the server edge's list and the content API
 * alike; an archived story that never went live was never public: 404.
 */
const WITHDRAWN = { status: "ARCHIVED", publishedAt: { not: null } } as const satisfies Prisma.ArticleWhereInput;

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
  /** no id (no author page) for copy a wire token brought in: readers get its credit line, or the newsroom's name */
  author: { id: string | null; name: string };
  image: ReaderImage | null;
}

const imageSelect = { storageKey: true, widths: true, width: true, height: true } satisfies Prisma.MediaSelect;
type StoredImage = Prisma.MediaGetPayload<{ select: typeof imageSelect }>;

/** The content readers see of a story, as a revision (the live one) or the working copy (previews) holds it. */
export const contentSelect = {
  slug: true,
  headline: true,
  standfirst: true,
  heroAlt: true,
  heroCaption: true,
  heroCredit: true,
  section: { select: { slug: true, name: true } },
  heroImage: { select: imageSelect },
} satisfies Prisma.RevisionSelect & Prisma.ArticleSelect;

/** Who readers are told wrote a story. */
export const bylineSelect = { author: { select: { id: true, name: true, machine: true } }, sourceByline: true } satisfies Prisma.ArticleSelect;

/**
 * The byline readers get: the author; for a story an API token brought in
 * (its author is the token's user, "Wire: AP"), the story's credit line
 * when it came with one, else the newsroom — the source is staff-only.
 */
export const readerAuthor = (row: Prisma.ArticleGetPayload<{ select: typeof bylineSelect }>): Teaser["author"] =>
  row.author.machine ? { id: null, name: row.sourceByline || env().NEWSROOM_NAME } : { id: row.author.id, name: row.author.name };

const teaserSelect = {
  id: true,
  publishedAt: true,
  ...bylineSelect,
  liveRevision: { select: contentSelect },
} satisfies Prisma.ArticleSelect;

type TeaserRow = Prisma.ArticleGetPayload<{ select: typeof teaserSelect }>;
type StoryContent = Prisma.RevisionGetPayload<{ select: typeof contentSelect }>;

/** A stored image with the texts the story gives it. */
function readerImage(media: StoredImage | null, texts: { heroAlt: string; heroCaption: string; heroCredit: string }): ReaderImage | null {
  if (!media) return null;
  const widths = [...media.widths].sort((a, b) => a - b);
  return {
    src: imageUrl(media.storageKey, widths.at(-1) ?? media.width),
    srcSet: widths.map((width) => `${imageUrl(media.storageKey, width)} ${width}w`).join(", "),
    alt: texts.heroAlt,
    width: media.width,
    height: media.height,
    caption: texts.heroCaption,
    credit: texts.heroCredit,
  };
}

/** A teaser from a story's content; `publishedAt` is the first publication (now, for a preview of a draft). */
export const teaserOf = (id: string, author: Teaser["author"], publishedAt: Date, content: StoryContent): Teaser => ({
  id,
  slug: content.slug,
  headline: content.headline,
  standfirst: content.standfirst,
  publishedAt: publishedAt.toISOString(),
  section: content.section,
  author,
  image: readerImage(content.heroImage, content),
});

const toTeaser = (row: TeaserRow): Teaser => teaserOf(row.id, readerAuthor(row), row.publishedAt!, row.liveRevision!);

const NEWEST_FIRST = [{ publishedAt: "desc" }, { id: "desc" }] satisfies Prisma.ArticleOrderByWithRelationInput[];
const inSection = (slug: string): Prisma.ArticleWhereInput => ({ liveRevision: { is: { section: { is: { slug } } } } });
const taggedWith = (slug: string): Prisma.ArticleWhereInput => ({ liveRevision: { is: { tagSlugs: { has: slug } } } });

/** One page of a list, plus whether another follows. */
async function listPage(where: Prisma.ArticleWhereInput, page: number): Promise<{ articles: Teaser[]; hasMore: boolean }> {
  const rows = await db().article.findMany({
    where: { AND: [LIVE, where] },
    orderBy: NEWEST_FIRST,
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
    select: teaserSelect,
  });
  return { articles: rows.slice(0, PAGE_SIZE).map(toTeaser), hasMore: rows.length > PAGE_SIZE };
}

/**
 * The front page: the stories editors pinned, in their order (lead first),
 * then every other live story newest first; later pages carry on where the
 * first left off. A pin that is not live is not shown.
 */
async function frontPageRead(page: number): Promise<{ articles: Teaser[]; hasMore: boolean }> {
  const pinned = await db().frontPageSlot.findMany({ where: { article: LIVE }, orderBy: { position: "asc" }, select: { article: { select: teaserSelect } } });
  const onThisPage = page === 1 ? pinned.map((slot) => slot.article) : [];
  const take = PAGE_SIZE - onThisPage.length;
  const rest = await db().article.findMany({
    where: { AND: [LIVE, { frontPageSlot: { is: null } }] },
    orderBy: NEWEST_FIRST,
    skip: page === 1 ? 0 : (page - 1) * PAGE_SIZE - pinned.length,
    take: take + 1,
    select: teaserSelect,
  });
  return { articles: [...onThisPage, ...rest.slice(0, take)].map(toTeaser), hasMore: rest.length > take };
}

export const frontPage = cached("front", frontPageRead, () => [TIMELINE, FRONT_PAGE]);

export const sectionPage = cached(
  "section",
  async (slug: string, page: number) => {
    const section = await db().section.findUnique({ where: { slug }, select: { slug: true, name: true, description: true } });
    return section && { section, ...(await listPage(inSection(slug), page)) };
  },
  (slug) => [sectionTag(slug)],
);

export const tagPage = cached(
  "tag",
  async (slug: string, page: number) => {
    const tag = await db().tag.findUnique({ where: { slug }, select: { slug: true, name: true } });
    return tag && { tag, ...(await listPage(taggedWith(slug), page)) };
  },
  (slug) => [topicTag(slug)],
);

export const authorPage = cached(
  "author",
  async (id: string, page: number) => {
    const author = await db().user.findUnique({ where: { id, machine: false }, select: { id: true, name: true } });
    if (!author) return null;
    const list = await listPage({ authorId: id }, page);
    // Someone with nothing published has no public page.
    return list.articles.length === 0 && page === 1 ? null : { author, ...list };
  },
  (id) => [authorTag(id)],
);

export interface PublicCorrection {
  kind: CorrectionKind;
  note: string;
  publishedAt: string;
}

export interface ReaderArticle extends Teaser {
  body: unknown;
  updatedAt: string | null;
  tags: { slug: string; name: string }[];
  corrections: PublicCorrection[];
}

export type ArticleLookup =
  | { kind: "article"; article: ReaderArticle; previous: Teaser | null; next: Teaser | null; related: Teaser[] }
  | { kind: "moved"; slug: string }
  | { kind: "gone" }
  | { kind: "missing" };

export const CORRECTION_LABELS: Record<CorrectionKind, string> = { CORRECTION: "Correction", CLARIFICATION: "Clarification", UPDATE: "Update" };

/** Tag slugs → tags with their names, in name order. */
async function namedTags(slugs: string[]): Promise<{ slug: string; name: string }[]> {
  if (slugs.length === 0) return [];
  const tags = await db().tag.findMany({ where: { slug: { in: slugs } }, select: { slug: true, name: true } });
  return tags.sort((a, b) => a.name.localeCompare(b.name));
}

const publicCorrections = { where: { publishedAt: { not: null } }, orderBy: { publishedAt: "asc" }, select: { kind: true, note: true, publishedAt: true } } as const;

/**
 * The stories around a live one: the one published just before and just
 * after, and the (up to three) earlier stories of its section. These are the
 * links an article page carries, so they are also the pages a change to the
 * story shows on (lib/reader/cache.ts).
 */
export async function neighboursOf(client: Pick<Db, "article">, story: { id: string; publishedAt: Date; sectionId: string | null }) {
  const before = { OR: [{ publishedAt: { lt: story.publishedAt } }, { publishedAt: story.publishedAt, id: { lt: story.id } }] };
  const after = { OR: [{ publishedAt: { gt: story.publishedAt } }, { publishedAt: story.publishedAt, id: { gt: story.id } }] };
  const sectionMates = (where: Prisma.ArticleWhereInput, orderBy: Prisma.ArticleOrderByWithRelationInput[]) =>
    story.sectionId ? client.article.findMany({ where: { AND: [LIVE, where, { liveRevision: { is: { sectionId: story.sectionId } } }] }, orderBy, take: 3, select: teaserSelect }) : Promise.resolve([]);
  const [previous, next, related, followers] = await Promise.all([
    client.article.findFirst({ where: { AND: [LIVE, before] }, orderBy: NEWEST_FIRST, select: teaserSelect }),
    client.article.findFirst({ where: { AND: [LIVE, after] }, orderBy: [{ publishedAt: "asc" }, { id: "asc" }], select: teaserSelect }),
    sectionMates(before, NEWEST_FIRST),
    sectionMates(after, [{ publishedAt: "asc" }, { id: "asc" }]),
  ]);
  return { previous, next, related, followers };
}

/** Published → the live version and its neighbours; an old slug → where it moved; archived → gone. */
export const articleBySlug = cached(
  "article",
  async (slug: string): Promise<ArticleLookup> => {
    const row = await db().article.findFirst({
      where: { AND: [LIVE, { liveRevision: { is: { slug } } }] },
      select: {
        ...teaserSelect,
        liveSince: true,
        liveRevision: { select: { ...contentSelect, body: true, sectionId: true, tagSlugs: true } },
        corrections: publicCorrections,
      },
    });
    if (!row) {
      const [withdrawn, moved] = await Promise.all([
        db().article.count({ where: { ...WITHDRAWN, OR: [{ slug }, { oldSlugs: { some: { slug } } }] } }),
        db().slugRedirect.findUnique({ where: { slug }, select: { article: { select: { liveRevision: { select: { slug: true } } } } } }),
      ]);
      if (moved?.article.liveRevision && moved.article.liveRevision.slug !== slug) return { kind: "moved", slug: moved.article.liveRevision.slug };
      return withdrawn > 0 ? { kind: "gone" } : { kind: "missing" };
    }
    const live = row.liveRevision!;
    const publishedAt = row.publishedAt!;
    const [{ previous, next, related }, tags] = await Promise.all([neighboursOf(db(), { id: row.id, publishedAt, sectionId: live.sectionId }), namedTags(live.tagSlugs)]);
    return {
      kind: "article",
      article: {
        ...toTeaser(row),
        body: live.body,
        // "Updated" only when a later version went live, not for the first publication itself.
        updatedAt: row.liveSince && row.liveSince.getTime() > publishedAt.getTime() + 60_000 ? row.liveSince.toISOString() : null,
        tags,
        corrections: row.corrections.map((c) => ({ kind: c.kind, note: c.note, publishedAt: c.publishedAt!.toISOString() })),
      },
      previous: previous && toTeaser(previous),
      next: next && toTeaser(next),
      related: related.map(toTeaser),
    };
  },
  (slug) => [slugTag(slug)],
);

export interface FeedItem extends Teaser {
  bodyText: string;
}

/** The newest stories for feeds, whole or for one section. */
export const feedItems = cached(
  "feed",
  async (sectionSlug: string | undefined) => {
    const rows = await db().article.findMany({ where: { AND: [LIVE, sectionSlug ? inSection(sectionSlug) : {}] }, orderBy: NEWEST_FIRST, take: 30, select: teaserSelect });
    return rows.map(toTeaser);
  },
  (sectionSlug) => [sectionSlug ? sectionTag(sectionSlug) : TIMELINE, TIMELINE],
);

export const SITEMAP_CHUNK = 10_000;

export const sitemapChunkCount = cached("sitemap-count", async () => Math.max(1, Math.ceil((await db().article.count({ where: LIVE })) / SITEMAP_CHUNK)), () => [TIMELINE]);

export const sitemapChunk = cached(
  "sitemap",
  async (chunk: number) => {
    const rows = await db().article.findMany({
      where: LIVE,
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      skip: chunk * SITEMAP_CHUNK,
      take: SITEMAP_CHUNK,
      select: { liveSince: true, liveRevision: { select: { slug: true } } },
    });
    return rows.map((row) => ({ slug: row.liveRevision!.slug, updatedAt: row.liveSince!.toISOString() }));
  },
  () => [TIMELINE],
);

/** Stories of the last 48 hours, for news search engines. */
export const recentForNews = cached(
  "news",
  async () => {
    const since = new Date(Date.now() - 48 * 3_600_000);
    const rows = await db().article.findMany({ where: { ...LIVE, publishedAt: { gte: since } }, orderBy: NEWEST_FIRST, take: 1000, select: teaserSelect });
    return rows.map(toTeaser);
  },
  () => [TIMELINE],
);

/** The section menu on every reader page: its own tag, so that a publish does not expire every page through the layout. */
export const readerSections = cached("sections", () => db().section.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true } }), () => [SECTIONS]);

export interface SearchHit extends Teaser {
  /** the matching passage; the search terms are wrapped in \u0002 … \u0003 */
  snippet: string;
}

export const MAX_QUERY_LENGTH = 200;

/** PostgreSQL full-text search over the live versions, best match first; not cached (every query differs). */
export async function searchArticles(query: string, page: number): Promise<{ hits: SearchHit[]; hasMore: boolean }> {
  const q = query.trim().slice(0, MAX_QUERY_LENGTH);
  if (!q) return { hits: [], hasMore: false };
  const rows = await db().$queryRaw<{ id: string; snippet: string }[]>`
    SELECT a."id",
           ts_headline('english', r."standfirst" || ' ' || article_body_text(r."body"), query,
                       'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
      FROM "Revision" r
      JOIN "Article" a ON a."liveRevisionId" = r."id",
           websearch_to_tsquery('english', ${q}) query
     WHERE article_search_document(r."headline", r."standfirst", r."body") @@ query
     ORDER BY ts_rank(article_search_document(r."headline", r."standfirst", r."body"), query) DESC, a."publishedAt" DESC
     LIMIT ${PAGE_SIZE + 1} OFFSET ${(page - 1) * PAGE_SIZE}`;
  const teasers = await db().article.findMany({ where: { AND: [LIVE, { id: { in: rows.map((r) => r.id) } }] }, select: teaserSelect });
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
          LIVE,
          ...(section ? [inSection(section)] : []),
          ...(tag ? [taggedWith(tag)] : []),
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

const CORRECTIONS_PAGE_SIZE = 20;

export interface CorrectionEntry extends PublicCorrection {
  id: string;
  article: { slug: string; headline: string };
}

/** Public corrections of live stories, newest first: the /corrections page and its feed. */
export const correctionsPage = cached(
  "corrections",
  async (page: number): Promise<{ corrections: CorrectionEntry[]; hasMore: boolean }> => {
    const rows = await db().correction.findMany({
      where: { publishedAt: { not: null }, article: LIVE },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CORRECTIONS_PAGE_SIZE,
      take: CORRECTIONS_PAGE_SIZE + 1,
      select: { id: true, kind: true, note: true, publishedAt: true, article: { select: { liveRevision: { select: { slug: true, headline: true } } } } },
    });
    return {
      corrections: rows.slice(0, CORRECTIONS_PAGE_SIZE).map((row) => ({ id: row.id, kind: row.kind, note: row.note, publishedAt: row.publishedAt!.toISOString(), article: row.article.liveRevision! })),
      hasMore: rows.length > CORRECTIONS_PAGE_SIZE,
    };
  },
  () => [CORRECTIONS],
);

/**
 * Slugs readers must be told are gone (410), current and former, of
 * withdrawn stories (WITHDRAWN above).
 */
export async function archivedSlugs(): Promise<string[]> {
  const rows = await db().article.findMany({ where: WITHDRAWN, select: { slug: true, oldSlugs: { select: { slug: true } } } });
  return rows.flatMap((row) => [row.slug, ...row.oldSlugs.map((old) => old.slug)]);
}
