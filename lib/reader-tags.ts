/**
 * Cache tags of reader pages, and which of them a change to an article
 * touches. Pure: the cached reads (lib/published.ts) tag with these, the
 * services expire them after a change commits.
 */
export const TIMELINE = "timeline"; // home, feeds, sitemaps, previous/next links
export const articleTag = (id: string) => `article:${id}`;
export const slugTag = (slug: string) => `slug:${slug}`;
export const sectionTag = (slug: string) => `section:${slug}`;
export const topicTag = (slug: string) => `tag:${slug}`;
export const authorTag = (id: string) => `author:${id}`;

export interface ReaderFacts {
  id: string;
  slug: string;
  authorId: string;
  sectionSlug: string | null;
  tagSlugs: string[];
}

/** Every page that shows the article, before or after the change. */
export function tagsAffectedBy(...versions: ReaderFacts[]): string[] {
  const tags = new Set<string>([TIMELINE]);
  for (const article of versions) {
    tags.add(articleTag(article.id)).add(slugTag(article.slug)).add(authorTag(article.authorId));
    if (article.sectionSlug) tags.add(sectionTag(article.sectionSlug));
    for (const tag of article.tagSlugs) tags.add(topicTag(tag));
  }
  return [...tags];
}

/** The reader URLs that show the article, refreshed through the proxy after a change. */
export function pathsAffectedBy(...versions: ReaderFacts[]): string[] {
  const paths = new Set<string>(["/", "/feed.xml", "/news-sitemap.xml", "/sitemap.xml", "/api/v1/content/articles"]);
  for (const article of versions) {
    paths.add(`/articles/${article.slug}`).add(`/api/v1/content/articles/${article.slug}`).add(`/authors/${article.authorId}`);
    if (article.sectionSlug) paths.add(`/sections/${article.sectionSlug}`).add(`/sections/${article.sectionSlug}/feed.xml`);
    for (const tag of article.tagSlugs) paths.add(`/tags/${tag}`);
  }
  return [...paths];
}
