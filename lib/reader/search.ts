import { db } from "@/lib/db";
import { LIVE, PAGE_SIZE, type Teaser, teaserSelect, toTeaser } from "@/lib/reader/read";

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
