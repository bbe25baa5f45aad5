// @ts-check
// Plain JavaScript so that the server edge (scripts/server-edge.mjs), which runs before anything is
// compiled, names a page's tags exactly as the cached reads and the expiries do.

export const TIMELINE = "timeline"; // the front page, feeds, sitemaps, the content API's list
export const FRONT_PAGE = "front-page"; // the front page's order: which stories editors pinned
export const CORRECTIONS = "corrections"; // the public corrections page and feed
export const SECTIONS = "sections"; // the section menu in every reader page's layout; sections change only by seeding
export const slugTag = (/** @type {string} */ slug) => `slug:${slug}`;
export const sectionTag = (/** @type {string} */ slug) => `section:${slug}`;
export const topicTag = (/** @type {string} */ slug) => `tag:${slug}`;
export const authorTag = (/** @type {string} */ id) => `author:${id}`;

/** Longer than any slug or id a page can have, and than Next's own limit on a cache tag (256). */
const MAX_NAME_LENGTH = 200;

/** @type {[RegExp, (name: string) => string[]][]} */
const PAGES = [
  [/^\/(?:page\/\d+)?$/, () => [TIMELINE, FRONT_PAGE]],
  [/^\/articles\/([^/]+)$/, (slug) => [slugTag(slug)]],
  // a live blog's updates address, its entries' feed and its older-updates pages
  [/^\/articles\/([^/]+)\/(?:updates\.json|feed\.xml|older\/[^/]+)$/, (slug) => [slugTag(slug)]],
  [/^\/api\/v1\/content\/articles\/([^/]+)$/, (slug) => [slugTag(slug)]],
  [/^\/sections\/([^/]+)\/feed\.xml$/, (slug) => [sectionTag(slug), TIMELINE]],
  [/^\/sections\/([^/]+)(?:\/\d+)?$/, (slug) => [sectionTag(slug)]],
  [/^\/tags\/([^/]+)(?:\/\d+)?$/, (slug) => [topicTag(slug)]],
  [/^\/authors\/([^/]+)(?:\/\d+)?$/, (id) => [authorTag(id)]],
  [/^\/corrections(?:\/\d+|\/feed\.xml)?$/, () => [CORRECTIONS]],
  [/^\/(?:feed\.xml|sitemap\.xml|news-sitemap\.xml|sitemaps\/\d+|api\/v1\/content\/articles)$/, () => [TIMELINE]],
];

/**
 * The tags of the reader page at this path — what an expiry after a change
 * names when the page shows that change — or none for any other path. Sent
 * downstream as Cache-Tag, so a CDN in front can purge by the same names.
 * @param {string} pathname
 * @returns {string[]}
 */
export function pageTags(pathname) {
  for (const [pattern, tags] of PAGES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    try {
      const name = decodeURIComponent(match[1] ?? "");
      // No page has a longer name (slugs stop at 80); echoing a made-up 4 KB one twice made headers
      // the tier refused as too big, and it then took the instance out of service for everyone.
      return name.length > MAX_NAME_LENGTH ? [] : tags(name);
    } catch {
      return [];
    }
  }
  return [];
}

const encoder = new TextEncoder();
/** Anything but visible ASCII, and the separators of both headers (comma, space) and the escape itself. */
const NOT_HEADER_SAFE = /[^\x21-\x24\x26-\x2b\x2d-\x7e]/gu;

/**
 * One tag as a header may carry it. Real tags are plain ASCII (slugs are
 * [a-z0-9-], author ids cuids) and pass unchanged; anything else — a made-up
 * slug with a code point above U+00FF, which makes setHeader throw — is
 * percent-encoded as UTF-8, so naming a page's tags can never fail a request.
 * @param {string} tag
 */
export function headerSafeTag(tag) {
  return tag.replace(NOT_HEADER_SAFE, (character) => [...encoder.encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(""));
}
