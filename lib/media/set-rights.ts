import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { mayCreateArticles, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { dayValue, mediaItemView, RightsDay, rightsSelect, USAGE_NOTE_MAX } from "./rights";

/** Only these two fields: a photo's size, key or uploader are not the desk's to change here. */
const SetRightsInput = z
  .object({
    rightsExpireOn: RightsDay.nullable(),
    usageNote: z.string({ error: "must be text" }).trim().max(USAGE_NOTE_MAX, `must be at most ${USAGE_NOTE_MAX} characters`),
  })
  .partial()
  .strict();

/**
 * Sets (or clears, with null) the day a photo's rights expire and its usage
 * note. Who may: whoever may upload photos (reporters up) — the rights come
 * with the photo, from whoever got it. The whole input is read before
 * anything is written, so a day that is not a day changes nothing. A new
 * expiry day re-arms the week-before warning by itself: warnings remember
 * the day they were about (lib/media/rights-warnings.ts).
 */
export async function setPhotoRights(viewer: Viewer, mediaId: string, input: unknown) {
  if (viewer.kind !== "staff" || !mayCreateArticles(viewer)) throw forbidden();
  const { rightsExpireOn, usageNote } = parseInput(SetRightsInput, input);
  if (rightsExpireOn === undefined && usageNote === undefined) {
    throw new AppError("VALIDATION", "Send rightsExpireOn (a day, or null) or usageNote.", { field: "rightsExpireOn" });
  }
  const data = { ...(rightsExpireOn !== undefined && { rightsExpireOn: rightsExpireOn === null ? null : dayValue(rightsExpireOn) }), ...(usageNote !== undefined && { usageNote }) };
  const { count } = await db().media.updateMany({ where: { id: mediaId }, data });
  if (count !== 1) throw notFound("That photo");
  return mediaItemView(await db().media.findUniqueOrThrow({ where: { id: mediaId }, select: rightsSelect }));
}
