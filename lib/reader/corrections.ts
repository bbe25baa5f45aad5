import { db } from "@/lib/db";
import type { PublicCorrection } from "@/lib/reader/article";
import { cached, LIVE } from "@/lib/reader/read";
import { CORRECTIONS } from "@/lib/reader/tags";

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
