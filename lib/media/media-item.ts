import { z } from "zod";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { imageFolder } from "@/lib/media/image";
import type { Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { mediaItemView, rightsSelect } from "./rights";

const LookupInput = z.object({ src: z.string({ error: "must be an image address" }).min(1, "must be an image address") }).strict();

/**
 * One stored photo and its rights, for staff (every stored image is theirs to
 * see: lib/articles/media-access.ts): by id, or by an address the editor
 * shows it at (`src` of a body photo, "/media/images/<hash>/960.webp").
 */
export async function mediaItem(viewer: Viewer, ref: { id: string } | { query: unknown }) {
  if (viewer.kind !== "staff") throw forbidden();
  let where: { id: string } | { storageKey: { startsWith: string } };
  if ("id" in ref) where = { id: ref.id };
  else {
    const folder = imageFolder(parseInput(LookupInput, ref.query).src);
    if (!folder) throw notFound("That photo");
    where = { storageKey: { startsWith: folder } };
  }
  const media = await db().media.findFirst({ where, select: rightsSelect });
  if (!media) throw notFound("That photo");
  return mediaItemView(media);
}
