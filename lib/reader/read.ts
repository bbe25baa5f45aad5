import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { storedFraming } from "@/lib/media/crops";
import { imageFolder } from "@/lib/media/image";
import type { PlacedPhoto } from "@/lib/media/renditions";

/**
 * The ONE way readers' pages, feeds and the content API read articles.
 * Readers get an article's live revision and nothing else: every query of
 * the reader modules built on this one (front-page, listings, article,
 * search, sitemaps, corrections, content-api) is limited to live articles and
 * reads their content through `liveRevision`, never the working copy staff
 * are editing. Reads are cached and tagged (lib/reader/tags.ts); services
 * expire the tags when a change commits, and READER_TTL_S is only the backstop.
 */
export const READER_TTL_S = 300;
export const PAGE_SIZE = 12;
export const LIVE = { liveRevisionId: { not: null } } as const satisfies Prisma.ArticleWhereInput;
/**
 * Withdrawn = archived after readers had it (it was live once). Only such a
 * story is "gone" (410) — to the server edge's list and the content API
 * alike; an archived story that never went live was never public: 404.
 */
export const WITHDRAWN = { status: "ARCHIVED", publishedAt: { not: null } } as const satisfies Prisma.ArticleWhereInput;

/** Cached and tagged inside the Next server; outside it (tests, scripts) a plain database read. */
export function cached<A extends (string | number | undefined)[], R>(name: string, read: (...args: A) => Promise<R>, tags: (...args: A) => string[]) {
  return (...args: A): Promise<R> =>
    process.env.NEXT_RUNTIME
      ? unstable_cache(() => read(...args), ["reader", name, ...args.map(String)], { tags: tags(...args), revalidate: READER_TTL_S })()
      : read(...args);
}

/** A photo as a reader page places it (lib/media/renditions.ts makes its `<picture>`), with the story's texts for it. */
export interface ReaderImage extends PlacedPhoto {
  alt: string;
  caption: string;
  credit: string;
}

export interface Teaser {
  id: string;
  /** live coverage that is running: readers see it labelled LIVE */
  liveNow: boolean;
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: string;
  section: { slug: string; name: string } | null;
  /** no id (no author page) for copy a wire token brought in: readers get its credit line, or the newsroom's name */
  author: { id: string | null; name: string };
  /** the hero: the story page shows it above the body */
  image: ReaderImage | null;
  /** what cards show: the hero, else the body's first photo */
  cardImage: ReaderImage | null;
}

const imageSelect = { storageKey: true, width: true, height: true } satisfies Prisma.MediaSelect;
type StoredImage = Prisma.MediaGetPayload<{ select: typeof imageSelect }>;

/** The content readers see of a story, as a revision (the live one) or the working copy (previews) holds it. */
export const contentSelect = {
  slug: true,
  headline: true,
  standfirst: true,
  heroAlt: true,
  heroCaption: true,
  heroCredit: true,
  heroFocus: true,
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

export const teaserSelect = {
  id: true,
  publishedAt: true,
  kind: true,
  coverageEndedAt: true,
  ...bylineSelect,
  liveRevision: { select: { ...contentSelect, firstPhoto: true, firstPhotoMedia: { select: imageSelect } } },
} as const satisfies Prisma.ArticleSelect;

type TeaserRow = Prisma.ArticleGetPayload<{ select: typeof teaserSelect }>;
type StoryContent = Prisma.RevisionGetPayload<{ select: typeof contentSelect }>;
type FirstPhotoContent = Prisma.RevisionGetPayload<{ select: { firstPhoto: true; firstPhotoMedia: { select: typeof imageSelect } } }>;

/** A stored image with the texts and framing the story gives it. */
function readerImage(media: StoredImage | null, texts: { alt: string; caption: string; credit: string }, framing: unknown): ReaderImage | null {
  if (!media) return null;
  return { folder: imageFolder(media.storageKey)!, width: media.width, height: media.height, framing: storedFraming(framing), ...texts };
}

const heroOf = (content: StoryContent) => readerImage(content.heroImage, { alt: content.heroAlt, caption: content.heroCaption, credit: content.heroCredit }, content.heroFocus);

/** A revision's first body photo as cards show it (lib/media/first-photo.ts; a decorative one gets no alt). */
function firstPhotoImage(revision: FirstPhotoContent): ReaderImage | null {
  const facts = (revision.firstPhoto ?? {}) as { alt?: string; decorative?: boolean; focus?: unknown };
  return readerImage(revision.firstPhotoMedia, { alt: facts.decorative ? "" : (facts.alt ?? ""), caption: "", credit: "" }, facts.focus && { focus: facts.focus });
}

/** A teaser from a story's content; `publishedAt` is the first publication (now, for a preview of a draft). */
export const teaserOf = (id: string, author: Teaser["author"], publishedAt: Date, content: StoryContent, liveNow = false, firstPhoto: ReaderImage | null = null): Teaser => {
  const image = heroOf(content);
  return {
    id,
    liveNow,
    slug: content.slug,
    headline: content.headline,
    standfirst: content.standfirst,
    publishedAt: publishedAt.toISOString(),
    section: content.section,
    author,
    image,
    cardImage: image ?? firstPhoto,
  };
};

export const toTeaser = (row: TeaserRow): Teaser =>
  teaserOf(row.id, readerAuthor(row), row.publishedAt!, row.liveRevision!, row.kind === "LIVE" && row.coverageEndedAt === null, firstPhotoImage(row.liveRevision!));

export const NEWEST_FIRST = [{ publishedAt: "desc" }, { id: "desc" }] satisfies Prisma.ArticleOrderByWithRelationInput[];
/**
 * A section's live stories, by the section's id: Article.liveSectionId (the
 * live version's section, kept by the database) is one index range per
 * section, newest first. By slug, through a join, PostgreSQL walked every
 * live story instead (55 ms for a small section at 100,000).
 */
export const inSection = (sectionId: string): Prisma.ArticleWhereInput => ({ liveSectionId: sectionId });
/** The id of the section readers know by this slug, or null. */
export const sectionIdOf = async (slug: string): Promise<string | null> => (await db().section.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
export const taggedWith = (slug: string): Prisma.ArticleWhereInput => ({ liveRevision: { is: { tagSlugs: { has: slug } } } });

/** One page of a list, plus whether another follows. */
export async function listPage(where: Prisma.ArticleWhereInput, page: number): Promise<{ articles: Teaser[]; hasMore: boolean }> {
  const rows = await db().article.findMany({
    where: { AND: [LIVE, where] },
    orderBy: NEWEST_FIRST,
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
    select: teaserSelect,
  });
  return { articles: rows.slice(0, PAGE_SIZE).map(toTeaser), hasMore: rows.length > PAGE_SIZE };
}

/** Tag slugs → tags with their names, in name order. */
export async function namedTags(slugs: string[]): Promise<{ slug: string; name: string }[]> {
  if (slugs.length === 0) return [];
  const tags = await db().tag.findMany({ where: { slug: { in: slugs } }, select: { slug: true, name: true } });
  return tags.sort((a, b) => a.name.localeCompare(b.name));
}
