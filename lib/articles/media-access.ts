import { db } from "@/lib/db";
import { imageFolder, isServedVariant } from "@/lib/media";
import type { Viewer } from "@/lib/policy";
import { mediaIdsOf } from "./content";
import { previewedArticleId } from "./previews";

/**
 * Who may see a stored image. Only the WebP variants are ever served (they
 * carry no metadata); the original upload never is. An image a live story
 * shows is public (in a live revision, or in a posted entry of live
 * coverage readers have); any other is for staff, and for the holder of a share
 * link of a story whose working copy shows it. Everyone else gets a 404, as
 * if it did not exist.
 */
export type ImageAccess = "public" | "private";

export async function imageAccess(key: string, who: { viewer: Viewer | null; previewToken: string | null }): Promise<ImageAccess | null> {
  if (!isServedVariant(key)) return null;
  const media = await db().media.findFirst({ where: { storageKey: { startsWith: imageFolder(key)! } }, select: { id: true } });
  if (!media) return null;
  const [{ live }] = await db().$queryRaw<[{ live: boolean }]>`
    SELECT EXISTS (
      SELECT 1 FROM "Revision" r JOIN "Article" a ON a."liveRevisionId" = r."id"
      WHERE r."mediaIds" @> ARRAY[${media.id}]::text[]
    ) OR EXISTS (
      SELECT 1 FROM "LiveEntry" e JOIN "Article" a ON a."id" = e."articleId"
      WHERE a."liveRevisionId" IS NOT NULL AND e."status" = 'POSTED' AND e."mediaIds" @> ARRAY[${media.id}]::text[]
    ) AS "live"`;
  if (live) return "public";
  if (who.viewer?.kind === "staff") return "private";
  const articleId = who.previewToken ? await previewedArticleId(who.previewToken) : null;
  if (!articleId) return null;
  const article = await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { heroImageId: true, body: true, socialImageId: true } });
  return (await mediaIdsOf(db(), article.heroImageId, article.body, article.socialImageId)).includes(media.id) ? "private" : null;
}
