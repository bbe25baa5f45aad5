import { db, type Db } from "@/lib/db";
import type { CorrectionKind, Prisma } from "@/lib/generated/prisma/client";
import { coverageOf, type Coverage } from "@/lib/live/coverage-state";
import type { Size } from "@/lib/media/crops";
import { imageFolder } from "@/lib/media/image";
import type { PlacedPhoto } from "@/lib/media/renditions";
import { cached, LIVE, namedTags, NEWEST_FIRST, type Teaser, teaserSelect, toTeaser, WITHDRAWN } from "@/lib/reader/read";
import { slugTag } from "@/lib/reader/tags";

export interface PublicCorrection {
  kind: CorrectionKind;
  note: string;
  publishedAt: string;
}

export interface ReaderArticle extends Teaser {
  /** live coverage: when it started and ended (null for a story) */
  coverage: Coverage | null;
  body: unknown;
  updatedAt: string | null;
  tags: { slug: string; name: string }[];
  corrections: PublicCorrection[];
  /** search and social as the live revision has them: empty and null fall back (./search-social.ts) to the headline, standfirst, hero */
  seoTitle: string;
  description: string;
  socialImage: PlacedPhoto | null;
  /** the upright size of each photo the body shows, by its folder: figures get width and height, so nothing shifts */
  bodyPhotos: Record<string, Size>;
  /** appended to every image address: a share link's token, so its holder may see images not yet public */
  imageQuery: string;
}

export type ArticleLookup =
  | { kind: "article"; article: ReaderArticle; previous: Teaser | null; next: Teaser | null; related: Teaser[] }
  | { kind: "moved"; slug: string }
  | { kind: "gone" }
  | { kind: "missing" };

export const CORRECTION_LABELS: Record<CorrectionKind, string> = { CORRECTION: "Correction", CLARIFICATION: "Clarification", UPDATE: "Update" };

const publicCorrections = { where: { publishedAt: { not: null } }, orderBy: { publishedAt: "asc" }, select: { kind: true, note: true, publishedAt: true } } as const;

/**
 * The stories around a live one: the one published just before and just
 * after, and the (up to three) earlier stories of its section. These are the
 * links an article page carries, so they are also the pages a change to the
 * story shows on (lib/reader/cache.ts): both ask `neighbourQueries`, so they
 * cannot disagree on who the neighbours are.
 */
export async function neighboursOf(client: Pick<Db, "article">, story: NeighbourOf) {
  const queries = neighbourQueries(story);
  const [previous, next, related, followers] = await Promise.all([
    client.article.findFirst({ ...queries.previous, select: teaserSelect }),
    client.article.findFirst({ ...queries.next, select: teaserSelect }),
    queries.related ? client.article.findMany({ ...queries.related, select: teaserSelect }) : Promise.resolve([]),
    queries.followers ? client.article.findMany({ ...queries.followers, select: teaserSelect }) : Promise.resolve([]),
  ]);
  return { previous, next, related, followers };
}

/** The live slugs of the same stories as neighboursOf: all a change needs to expire their pages, without their teasers. */
export async function neighbourSlugsOf(client: Pick<Db, "article">, story: NeighbourOf): Promise<string[]> {
  const queries = neighbourQueries(story);
  const select = { liveRevision: { select: { slug: true } } } as const;
  const rows = await Promise.all([
    client.article.findMany({ ...queries.previous, take: 1, select }),
    client.article.findMany({ ...queries.next, take: 1, select }),
    queries.related ? client.article.findMany({ ...queries.related, select }) : Promise.resolve([]),
    queries.followers ? client.article.findMany({ ...queries.followers, select }) : Promise.resolve([]),
  ]);
  return rows.flat().flatMap((row) => (row.liveRevision ? [row.liveRevision.slug] : []));
}

interface NeighbourOf {
  id: string;
  publishedAt: Date;
  sectionId: string | null;
}

const OLDEST_FIRST = [{ publishedAt: "asc" }, { id: "asc" }] satisfies Prisma.ArticleOrderByWithRelationInput[];

/**
 * Who the neighbours are, as queries. Each side repeats the first half of its
 * OR as a plain bound on publishedAt: without it PostgreSQL may read the live
 * index from the far end and filter every live story until it reaches this
 * one (35,000 index entries, 27 ms, for a story in the middle of 100,000);
 * with it the walk starts at the story and reads a handful.
 */
function neighbourQueries(story: NeighbourOf) {
  const before: Prisma.ArticleWhereInput = { publishedAt: { lte: story.publishedAt }, OR: [{ publishedAt: { lt: story.publishedAt } }, { publishedAt: story.publishedAt, id: { lt: story.id } }] };
  const after: Prisma.ArticleWhereInput = { publishedAt: { gte: story.publishedAt }, OR: [{ publishedAt: { gt: story.publishedAt } }, { publishedAt: story.publishedAt, id: { gt: story.id } }] };
  const sectionMates = (side: Prisma.ArticleWhereInput, orderBy: Prisma.ArticleOrderByWithRelationInput[]) =>
    story.sectionId ? { where: { AND: [LIVE, side, { liveRevision: { is: { sectionId: story.sectionId } } }] }, orderBy, take: 3 } : null;
  return {
    previous: { where: { AND: [LIVE, before] }, orderBy: NEWEST_FIRST },
    next: { where: { AND: [LIVE, after] }, orderBy: OLDEST_FIRST },
    related: sectionMates(before, NEWEST_FIRST),
    followers: sectionMates(after, OLDEST_FIRST),
  };
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
        liveRevisionId: true,
        liveRevision: { select: { ...teaserSelect.liveRevision.select, body: true, sectionId: true, tagSlugs: true, seoTitle: true, description: true, socialImageId: true, mediaIds: true } },
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
    const [{ previous, next, related }, tags, photos] = await Promise.all([
      neighboursOf(db(), { id: row.id, publishedAt, sectionId: live.sectionId }),
      namedTags(live.tagSlugs),
      photosById(live.mediaIds),
    ]);
    return {
      kind: "article",
      article: {
        ...toTeaser(row),
        coverage: coverageOf(row),
        body: live.body,
        // "Updated" only when a later version went live, not for the first publication itself.
        updatedAt: row.liveSince && row.liveSince.getTime() > publishedAt.getTime() + 60_000 ? row.liveSince.toISOString() : null,
        tags,
        corrections: row.corrections.map((c) => ({ kind: c.kind, note: c.note, publishedAt: c.publishedAt!.toISOString() })),
        seoTitle: live.seoTitle,
        description: live.description,
        socialImage: (live.socialImageId && photos.get(live.socialImageId)) || null,
        bodyPhotos: sizesByFolder(photos.values()),
        imageQuery: "",
      },
      previous: previous && toTeaser(previous),
      next: next && toTeaser(next),
      related: related.map(toTeaser),
    };
  },
  (slug) => [slugTag(slug)],
);

/** A stored photo as reader pages place it: where its renditions live and its upright size (its framing is the story's). */
export const placedPhoto = (media: { storageKey: string; width: number; height: number }): PlacedPhoto => ({
  folder: imageFolder(media.storageKey)!,
  width: media.width,
  height: media.height,
  framing: null,
});

/** Photos by media id: one look-up for the ids given, none when there are none. */
export async function photosById(ids: (string | null)[]): Promise<Map<string, PlacedPhoto>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db().media.findMany({ where: { id: { in: wanted } }, select: { id: true, storageKey: true, width: true, height: true } });
  return new Map(rows.map((media) => [media.id, placedPhoto(media)]));
}

export const sizesByFolder = (photos: Iterable<PlacedPhoto>): Record<string, Size> =>
  Object.fromEntries([...photos].map((photo) => [photo.folder, { width: photo.width, height: photo.height }]));
