import { db } from "@/lib/db";
import type { PublicCorrection } from "@/lib/reader/article";
import { cached, LIVE } from "@/lib/reader/read";
import { CORRECTIONS } from "@/lib/reader/tags";

const CORRECTIONS_PAGE_SIZE = 20;

export interface CorrectionEntry extends PublicCorrection {
  id: string;
  article: { slug: string; headline: string };
  /** where readers find what it corrects: the story, or the entry of live coverage it is about */
  path: string;
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
      select: { id: true, kind: true, note: true, publishedAt: true, entry: { select: { id: true, status: true } }, article: { select: { liveRevision: { select: { slug: true, headline: true } } } } },
    });
    return {
      corrections: rows.slice(0, CORRECTIONS_PAGE_SIZE).map((row) => {
        const article = row.article.liveRevision!;
        const entry = row.entry?.status === "POSTED" ? `#entry-${row.entry.id}` : "";
        return { id: row.id, kind: row.kind, note: row.note, publishedAt: row.publishedAt!.toISOString(), article, path: `/articles/${article.slug}${entry}` };
      }),
      hasMore: rows.length > CORRECTIONS_PAGE_SIZE,
    };
  },
  () => [CORRECTIONS],
);
