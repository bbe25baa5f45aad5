import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pictureOf, type PlacedPhoto, SHARE_SIZE, shareImageOf } from "@/lib/media/renditions";
import { photosById } from "@/lib/reader/article";
import { cached, inSection, LIVE, NEWEST_FIRST, sectionIdOf, type ReaderImage, taggedWith, type Teaser, teaserSelect, toTeaser } from "@/lib/reader/read";
import { sectionTag, TIMELINE, topicTag } from "@/lib/reader/tags";

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match",
  "Access-Control-Expose-Headers": "ETag",
};

/** Public JSON with an ETag; a matching If-None-Match gets 304 and no body. */
export function publicJson(request: Request, data: unknown, status = 200): Response {
  const body = JSON.stringify(data);
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { ...CORS_HEADERS, ETag: etag, "Cache-Control": "public, max-age=60, s-maxage=1", "Content-Type": "application/json" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { status, headers });
}

const PUBLIC_ERROR_CODES = { 400: "bad_request", 404: "not_found", 410: "gone" } as const;

export function publicError(status: keyof typeof PUBLIC_ERROR_CODES, message: string): Response {
  return Response.json({ error: { code: PUBLIC_ERROR_CODES[status], message } }, { status, headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=60, s-maxage=1" } });
}

export const preflight = () => new Response(null, { status: 204, headers: { ...CORS_HEADERS, "Access-Control-Max-Age": "86400" } });

/**
 * A photo as the content API gives it (docs/api.md): the whole photo's WebP
 * `src` and `srcSet` as before renditions, now with `avifSrcSet`, and the
 * desk's focal point so a partner can crop around it too.
 */
export function apiImage(image: ReaderImage | null) {
  if (!image) return null;
  const picture = pictureOf(image, "full");
  return { src: picture.src, srcSet: picture.webpSrcSet, avifSrcSet: picture.avifSrcSet, alt: image.alt, width: image.width, height: image.height, caption: image.caption, credit: image.credit, focus: image.framing?.focus ?? null };
}

/** The chosen share image: its 1200×630 rendition. */
export const apiShareImage = (photo: PlacedPhoto | null) => photo && { src: shareImageOf(photo), ...SHARE_SIZE };

/** A teaser as the content API lists it, field by field: its photo as above (not the reader pages' card picture). */
export const apiTeaser = ({ id, liveNow, slug, headline, standfirst, publishedAt, section, author, image }: Teaser) => ({
  id,
  liveNow,
  slug,
  headline,
  standfirst,
  publishedAt,
  section,
  author,
  image: apiImage(image),
});

/** A list item: a teaser and the live revision's search and social fields (empty and null: the headline, standfirst, hero). */
const listSelect = { ...teaserSelect, liveRevision: { select: { ...teaserSelect.liveRevision.select, seoTitle: true, description: true, socialImageId: true } } } satisfies Prisma.ArticleSelect;

/** Where a page of the list starts: after this story, in newest-first order (the `nextCursor` the page before gave). */
export interface ListCursor {
  publishedAt: Date;
  id: string;
}

async function listPage(section: string | undefined, tag: string | undefined, after: ListCursor | null) {
  const sectionId = section ? await sectionIdOf(section) : null;
  // A section nobody has has no stories.
  if (section && sectionId === null) return { articles: [], nextCursor: null };
  const rows = await db().article.findMany({
    where: {
      AND: [
        LIVE,
        ...(sectionId ? [inSection(sectionId)] : []),
        ...(tag ? [taggedWith(tag)] : []),
        ...(after ? [{ OR: [{ publishedAt: { lt: after.publishedAt } }, { publishedAt: after.publishedAt, id: { lt: after.id } }] }] : []),
      ],
    },
    orderBy: NEWEST_FIRST,
    take: 26,
    select: listSelect,
  });
  const shown = rows.slice(0, 25);
  const socialImages = await photosById(shown.map((row) => row.liveRevision!.socialImageId));
  const page = shown.map((row) => {
    const { seoTitle, description, socialImageId } = row.liveRevision!;
    return { ...apiTeaser(toTeaser(row)), seoTitle, description, socialImage: apiShareImage((socialImageId && socialImages.get(socialImageId)) || null) };
  });
  const last = page.at(-1);
  return { articles: page, nextCursor: rows.length > 25 && last ? Buffer.from(`${last.publishedAt}|${last.id}`).toString("base64url") : null };
}

const firstListPage = cached(
  "content-list",
  (section: string | undefined, tag: string | undefined) => listPage(section, tag, null),
  (section, tag) => [TIMELINE, ...(section ? [sectionTag(section)] : []), ...(tag ? [topicTag(tag)] : [])],
);

/**
 * The content API's list: newest first, keyset cursor on (publishedAt, id).
 * Only first pages are kept in the instance's memory: a cursor anyone can
 * make up would be one more entry each (4,000 of them filled a 160 MB heap);
 * later pages are one index walk, and the tier keeps each for its second.
 */
export const contentList = (section: string | undefined, tag: string | undefined, after: ListCursor | null) => (after ? listPage(section, tag, after) : firstListPage(section, tag));

/** A `nextCursor` this API gave, read back; null for anything else. */
export function listCursor(cursor: string): ListCursor | null {
  const [time, id, ...rest] = Buffer.from(cursor, "base64url").toString().split("|");
  const publishedAt = new Date(time ?? "");
  return id && rest.length === 0 && !Number.isNaN(publishedAt.getTime()) ? { publishedAt, id } : null;
}
