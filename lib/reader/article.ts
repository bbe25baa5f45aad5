import { db, type Db } from "@/lib/db";
import type { CorrectionKind } from "@/lib/generated/prisma/client";
import { coverageOf, type Coverage } from "@/lib/live/coverage-state";
import type { Size } from "@/lib/media/crops";
import { imageFolder } from "@/lib/media/image";
import type { PlacedPhoto } from "@/lib/media/renditions";
import { cached, LIVE, namedTags, type Teaser, teaserSelect, toTeaser, WITHDRAWN } from "@/lib/reader/read";
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
 * story shows on (lib/reader/cache.ts reads `neighbourRows` too, so the two
 * cannot disagree on who the neighbours are).
 */
export async function neighboursOf(client: Pick<Db, "article" | "$queryRaw">, articleId: string) {
  const rows = await neighbourRows(client, articleId);
  // Live again here: a neighbour unpublished between the two statements is left out, not shown without its live version.
  const teasers = rows.length === 0 ? [] : await client.article.findMany({ where: { AND: [LIVE, { id: { in: [...new Set(rows.map((row) => row.id))] } }] }, select: teaserSelect });
  const byId = new Map(teasers.map((teaser) => [teaser.id, teaser]));
  const at = (place: NeighbourPlace) => rows.filter((row) => row.place === place).flatMap((row) => byId.get(row.id) ?? []);
  return { previous: at("previous")[0] ?? null, next: at("next")[0] ?? null, related: at("related"), followers: at("followers") };
}

type NeighbourPlace = "previous" | "next" | "related" | "followers";

/**
 * The neighbours of a live story (none when it is not live), with their live
 * slugs, nearest first within each place: one statement, one round trip.
 * Before and after are row comparisons on (publishedAt, id), which
 * PostgreSQL walks in the live-story index outwards from the story: a
 * handful of index entries wherever the story stands. (The query builder's
 * `publishedAt < x OR (publishedAt = x AND id < y)` was filtered from the far
 * end of the index: 35,000 entries, 27 ms, for a story in the middle of
 * 100,000.) Section mates share the live revision's section, as readers see it,
 * and walk their own index range (Article.liveSectionId, which the database
 * keeps): a story alone in its section had read every live story looking for
 * mates, 190 ms at 100,000. A story with no section has no mates. row_number()
 * keeps each place's order (a UNION promises none), and the database orders
 * ids as it does everywhere else.
 */
export async function neighbourRows(client: Pick<Db, "$queryRaw">, articleId: string): Promise<{ place: NeighbourPlace; id: string; slug: string }[]> {
  return client.$queryRaw<{ place: NeighbourPlace; id: string; slug: string }[]>`
    WITH story AS (
      SELECT a."id", a."publishedAt", a."liveSectionId" FROM "Article" a
       WHERE a."id" = ${articleId} AND a."liveRevisionId" IS NOT NULL AND a."publishedAt" IS NOT NULL
    )
    SELECT n."place", n."id", (SELECT r."slug" FROM "Revision" r WHERE r."id" = n."liveRevisionId") AS "slug" FROM story, LATERAL (
      (SELECT 'previous' AS "place", 1 AS "part", a."id", a."liveRevisionId", row_number() OVER (ORDER BY a."publishedAt" DESC, a."id" DESC) AS "nearness"
         FROM "Article" a
        WHERE a."liveRevisionId" IS NOT NULL AND (a."publishedAt", a."id") < (story."publishedAt", story."id")
        ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT 1)
      UNION ALL
      (SELECT 'next', 2, a."id", a."liveRevisionId", row_number() OVER (ORDER BY a."publishedAt" ASC, a."id" ASC)
         FROM "Article" a
        WHERE a."liveRevisionId" IS NOT NULL AND (a."publishedAt", a."id") > (story."publishedAt", story."id")
        ORDER BY a."publishedAt" ASC, a."id" ASC LIMIT 1)
      UNION ALL
      (SELECT 'related', 3, a."id", a."liveRevisionId", row_number() OVER (ORDER BY a."publishedAt" DESC, a."id" DESC)
         FROM "Article" a
        WHERE a."liveRevisionId" IS NOT NULL AND a."liveSectionId" = story."liveSectionId" AND (a."publishedAt", a."id") < (story."publishedAt", story."id")
        ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT 3)
      UNION ALL
      (SELECT 'followers', 4, a."id", a."liveRevisionId", row_number() OVER (ORDER BY a."publishedAt" ASC, a."id" ASC)
         FROM "Article" a
        WHERE a."liveRevisionId" IS NOT NULL AND a."liveSectionId" = story."liveSectionId" AND (a."publishedAt", a."id") > (story."publishedAt", story."id")
        ORDER BY a."publishedAt" ASC, a."id" ASC LIMIT 3)
    ) n
    ORDER BY n."part", n."nearness"`;
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
      neighboursOf(db(), row.id),
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
