import { db } from "@/lib/db";
import { cached, inSection, listPage, LIVE, NEWEST_FIRST, sectionIdOf, taggedWith, type Teaser, teaserSelect, toTeaser } from "@/lib/reader/read";
import { authorTag, SECTIONS, sectionTag, TIMELINE, topicTag } from "@/lib/reader/tags";

export const sectionPage = cached(
  "section",
  async (slug: string, page: number) => {
    const found = await db().section.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } });
    if (!found) return null;
    const { id, ...section } = found;
    return { section, ...(await listPage(inSection(id), page)) };
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

export interface FeedItem extends Teaser {
  bodyText: string;
}

/** The newest stories for feeds, whole or for one section. */
export const feedItems = cached(
  "feed",
  async (sectionSlug: string | undefined) => {
    const sectionId = sectionSlug ? await sectionIdOf(sectionSlug) : null;
    if (sectionSlug && sectionId === null) return [];
    const rows = await db().article.findMany({ where: { AND: [LIVE, sectionId ? inSection(sectionId) : {}] }, orderBy: NEWEST_FIRST, take: 30, select: teaserSelect });
    return rows.map(toTeaser);
  },
  (sectionSlug) => [sectionSlug ? sectionTag(sectionSlug) : TIMELINE, TIMELINE],
);

/** The section menu on every reader page: its own tag, so that a publish does not expire every page through the layout. */
export const readerSections = cached("sections", () => db().section.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true } }), () => [SECTIONS]);
