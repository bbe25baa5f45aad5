import { db } from "@/lib/db";
import { cached, LIVE, NEWEST_FIRST, PAGE_SIZE, type Teaser, teaserSelect, toTeaser } from "@/lib/reader/read";
import { FRONT_PAGE, TIMELINE } from "@/lib/reader/tags";

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
