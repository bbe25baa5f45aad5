import { db } from "@/lib/db";
import { mediaIdsOf } from "@/lib/articles/content";
import { previewedArticleId } from "@/lib/articles/previews";
import type { Viewer } from "@/lib/policy";
import { parseRendition, renditionAllowed, type Rendition } from "./renditions";

/**
 * Who may see a stored image. Only renditions are ever served (./renditions.ts:
 * made without metadata); the original upload never is. An image a live
 * story shows is public (in a live revision, or in a posted entry of live
 * coverage readers have); any other is for staff, and for the holder of a share
 * link of a story whose working copy shows it. Everyone else gets a 404, as
 * if it did not exist — as does an address that is not one of the photo's
 * renditions, so nobody can make the server produce files of their choosing.
 */
export type ImageAccess = "public" | "private";

export interface ServedImage {
  access: ImageAccess;
  rendition: Rendition;
  /** where the original is: renditions are made from it */
  originalKey: string;
}

export async function servedImage(key: string, who: { viewer: Viewer | null; previewToken: string | null }): Promise<ServedImage | null> {
  const rendition = parseRendition(key);
  if (!rendition) return null;
  const media = await db().media.findFirst({
    where: { storageKey: { startsWith: rendition.folder } },
    select: { id: true, storageKey: true, width: true, height: true, ...(rendition.crop && { crops: { where: rendition.crop, select: { x: true, y: true, width: true, height: true } } }) },
  });
  if (!media || !renditionAllowed(rendition, media, media.crops ?? [])) return null;
  const access = await accessTo(media.id, who);
  return access && { access, rendition, originalKey: media.storageKey };
}

/** The access part alone (tests and callers that only ask "may they?"). */
export const imageAccess = async (key: string, who: { viewer: Viewer | null; previewToken: string | null }): Promise<ImageAccess | null> =>
  (await servedImage(key, who))?.access ?? null;

async function accessTo(mediaId: string, who: { viewer: Viewer | null; previewToken: string | null }): Promise<ImageAccess | null> {
  const [{ live }] = await db().$queryRaw<[{ live: boolean }]>`
    SELECT EXISTS (
      SELECT 1 FROM "Revision" r JOIN "Article" a ON a."liveRevisionId" = r."id"
      WHERE r."mediaIds" @> ARRAY[${mediaId}]::text[]
    ) OR EXISTS (
      SELECT 1 FROM "LiveEntry" e JOIN "Article" a ON a."id" = e."articleId"
      WHERE a."liveRevisionId" IS NOT NULL AND e."status" = 'POSTED' AND e."mediaIds" @> ARRAY[${mediaId}]::text[]
    ) AS "live"`;
  if (live) return "public";
  if (who.viewer?.kind === "staff") return "private";
  const articleId = who.previewToken ? await previewedArticleId(who.previewToken) : null;
  if (!articleId) return null;
  const article = await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { heroImageId: true, body: true, socialImageId: true } });
  return (await mediaIdsOf(db(), article.heroImageId, article.body, article.socialImageId)).includes(mediaId) ? "private" : null;
}
