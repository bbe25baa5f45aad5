import { db } from "@/lib/db";
import { cached, LIVE, NEWEST_FIRST, teaserSelect, toTeaser } from "@/lib/reader/read";
import { TIMELINE } from "@/lib/reader/tags";

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
