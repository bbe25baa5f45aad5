/**
 * Cache tags of reader pages, and which of them a change to an article
 * touches. Pure: the cached reads (lib/reader/read.ts and the modules on
 * it) tag with these, the services expire them after a change commits. An
 * article page is tagged by its own slug only; a change to a story also
 * expires the pages of its neighbours, whose previous/next and related links
 * show it. The tag names live in cache-tags.js, which the server edge shares.
 */
import { authorTag, CORRECTIONS, sectionTag, slugTag, TIMELINE, topicTag } from "./cache-tags.js";

export { authorTag, CORRECTIONS, FRONT_PAGE, pageTags, SECTIONS, sectionTag, slugTag, TIMELINE, topicTag } from "./cache-tags.js";

/** What readers have of a live story, and the slugs of the article pages that link to it. */
export interface ReaderFacts {
  id: string;
  slug: string;
  authorId: string;
  sectionSlug: string | null;
  tagSlugs: string[];
  neighbourSlugs: string[];
}

/** Every page that shows the story, before or after the change. */
export function tagsAffectedBy(...versions: ReaderFacts[]): string[] {
  const tags = new Set<string>([TIMELINE, CORRECTIONS]);
  for (const story of versions) {
    tags.add(slugTag(story.slug)).add(authorTag(story.authorId));
    for (const slug of story.neighbourSlugs) tags.add(slugTag(slug));
    if (story.sectionSlug) tags.add(sectionTag(story.sectionSlug));
    for (const tag of story.tagSlugs) tags.add(topicTag(tag));
  }
  return [...tags];
}

/**
 * The reader URLs that show the story, refreshed through the proxy after a
 * change in this order: the story's own page and document first (its readers
 * are the ones waiting), then the front page and feeds, then the rest.
 */
export function pathsAffectedBy(...versions: ReaderFacts[]): string[] {
  const paths = new Set<string>();
  for (const story of versions) paths.add(`/articles/${story.slug}`).add(`/api/v1/content/articles/${story.slug}`);
  for (const path of ["/", "/feed.xml", "/api/v1/content/articles", "/news-sitemap.xml", "/sitemap.xml", "/corrections", "/corrections/feed.xml"]) paths.add(path);
  for (const story of versions) {
    paths.add(`/authors/${story.authorId}`);
    for (const slug of story.neighbourSlugs) paths.add(`/articles/${slug}`);
    if (story.sectionSlug) paths.add(`/sections/${story.sectionSlug}`).add(`/sections/${story.sectionSlug}/feed.xml`);
    for (const tag of story.tagSlugs) paths.add(`/tags/${tag}`);
  }
  return [...paths];
}

/**
 * A live blog's surfaces an entry change shows on, refreshed in this order:
 * the page, then the updates address every open page polls (an open page
 * that sees a change there fetches the page, which is then already fresh),
 * its content API document and its feed. Older-updates pages expire by the
 * slug's tag.
 */
export const liveBlogPaths = (slug: string): string[] => [`/articles/${slug}`, `/articles/${slug}/updates.json`, `/api/v1/content/articles/${slug}`, `/articles/${slug}/feed.xml`];
