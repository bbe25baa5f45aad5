import { db, type Db } from "@/lib/db";
import type { CorrectionKind, Prisma } from "@/lib/generated/prisma/client";
import { coverageOf, type Coverage } from "@/lib/live/coverage-state";
import { imageUrl } from "@/lib/media";
import { cached, contentSelect, LIVE, namedTags, NEWEST_FIRST, type Teaser, teaserSelect, toTeaser, WITHDRAWN } from "@/lib/reader/read";
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
  socialImage: SocialImage | null;
}

/** The share image a story chose, its largest variant (relative, like every reader image's src). */
export interface SocialImage {
  src: string;
  width: number;
  height: number;
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
        liveRevisionId: true,
        liveRevision: { select: { ...contentSelect, body: true, sectionId: true, tagSlugs: true, seoTitle: true, description: true, socialImageId: true } },
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
    const [{ previous, next, related }, tags, socialImage] = await Promise.all([
      neighboursOf(db(), { id: row.id, publishedAt, sectionId: live.sectionId }),
      namedTags(live.tagSlugs),
      socialImagesById([live.socialImageId]),
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
        socialImage: (live.socialImageId && socialImage.get(live.socialImageId)) || null,
      },
      previous: previous && toTeaser(previous),
      next: next && toTeaser(next),
      related: related.map(toTeaser),
    };
  },
  (slug) => [slugTag(slug)],
);

/** The largest served variant and its own size (an original wider than every variant is never served). */
export function largestVariant(media: { storageKey: string; widths: number[]; width: number; height: number }): SocialImage {
  const width = Math.max(...media.widths);
  return { src: imageUrl(media.storageKey, width), width, height: Math.round((media.height * width) / media.width) };
}

/**
 * Share images by media id. A revision's share image has no relation of its
 * own to join through: one look-up for the ids given, none when there are none.
 */
export async function socialImagesById(ids: (string | null)[]): Promise<Map<string, SocialImage>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db().media.findMany({ where: { id: { in: wanted } }, select: { id: true, storageKey: true, widths: true, width: true, height: true } });
  return new Map(rows.map((media) => [media.id, largestVariant(media)]));
}
