import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { alertPhotoRights } from "@/lib/notifications";
import { addDays, dayOf } from "@/lib/time-zone";
import { writtenDay } from "@/lib/written-time";
import { lapseOf, photoRightsOf } from "./rights";

type Tx = Prisma.TransactionClient;

/** Editors hear this long before a live story's photo rights lapse. */
export const WARN_BEFORE_MS = 7 * 24 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

const storyFacts = { id: true, headline: true, slugLine: true, authorId: true, assigneeId: true, editorId: true } as const;

/**
 * Every editor hears, once per photo and expiry day, that a photo readers see
 * on a live story (its live revision, or a posted entry of a live blog) has
 * rights lapsing within the week — and again, once, when they have lapsed
 * (the photo stays on readers' pages; publishing the story's changes is
 * blocked until it is replaced or renewed). Each instance's sweep runs this;
 * the "told" columns change by compare-and-set on the photo's row in the
 * notifications' own transaction, so two instances at once tell everyone
 * exactly once, and a renewal (another day) is warned of again. Returns how
 * many photos were warned of.
 */
export async function warnOfPhotoRights(now = new Date()): Promise<number> {
  const zone = env().NEWSROOM_TIME_ZONE;
  // Loose in SQL (any zone's start of a day is within a day of its midnight UTC), exact below.
  const horizon = addDays(dayOf(now, "UTC"), 9);
  const due = await db().$queryRaw<{ id: string; day: string; warned: boolean; lapseTold: boolean }[]>`
    SELECT m."id", to_char(m."rightsExpireOn", 'YYYY-MM-DD') AS "day",
           m."rightsWarnedFor" IS NOT DISTINCT FROM m."rightsExpireOn" AS "warned",
           m."rightsLapseToldFor" IS NOT DISTINCT FROM m."rightsExpireOn" AS "lapseTold"
      FROM "Media" m
     WHERE m."rightsExpireOn" IS NOT NULL AND m."rightsExpireOn" <= ${horizon}::timestamp
       AND m."rightsLapseToldFor" IS DISTINCT FROM m."rightsExpireOn"
       AND (EXISTS (SELECT 1 FROM "Article" a JOIN "Revision" r ON r."id" = a."liveRevisionId" WHERE m."id" = ANY(r."mediaIds"))
            OR EXISTS (SELECT 1 FROM "LiveEntry" e JOIN "Article" a ON a."id" = e."articleId"
                        WHERE e."status" = 'POSTED' AND a."liveRevisionId" IS NOT NULL AND m."id" = ANY(e."mediaIds")))`;
  let told = 0;
  for (const photo of due) {
    const lapsesAt = lapseOf(photo.day, zone);
    const lapsed = lapsesAt.getTime() <= now.getTime();
    if (!lapsed && (photo.warned || lapsesAt.getTime() - now.getTime() > WARN_BEFORE_MS)) continue;
    if (await tellEditors(photo.id, photo.day, lapsesAt, lapsed, now)) told++;
  }
  return told;
}

async function tellEditors(mediaId: string, day: string, lapsesAt: Date, lapsed: boolean, now: Date): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const stories = await storiesShowing(tx, mediaId);
    if (stories.length === 0) return false;
    // The row's lock makes a second instance wait here, then find the day already told and write nothing.
    const claimed = lapsed
      ? await tx.$executeRaw`UPDATE "Media" SET "rightsLapseToldFor" = "rightsExpireOn", "rightsWarnedFor" = "rightsExpireOn"
                               WHERE "id" = ${mediaId} AND "rightsExpireOn" = ${day}::timestamp AND "rightsLapseToldFor" IS DISTINCT FROM "rightsExpireOn"`
      : await tx.$executeRaw`UPDATE "Media" SET "rightsWarnedFor" = "rightsExpireOn"
                               WHERE "id" = ${mediaId} AND "rightsExpireOn" = ${day}::timestamp AND "rightsWarnedFor" IS DISTINCT FROM "rightsExpireOn"`;
    if (claimed !== 1) return false;
    for (const { story, name } of stories) {
      const days = Math.ceil((lapsesAt.getTime() - now.getTime()) / DAY_MS);
      const problem = lapsed
        ? `the rights to ${name} expired on ${writtenDay(day)}, and readers still see it. Replace it or renew its rights: until then no change to the story can be published.`
        : `the rights to ${name} expire on ${writtenDay(day)}, ${days <= 1 ? "within a day" : `in ${days} days`}. Replace it or renew its rights before then: once they lapse, no change to the story can be published.`;
      await alertPhotoRights(tx, story, problem, now);
    }
    return true;
  });
}

/** The live stories readers see the photo on, each with the photo named as that story has it. */
async function storiesShowing(tx: Tx, mediaId: string) {
  const [byRevision, byEntry] = await Promise.all([
    tx.article.findMany({
      where: { liveRevision: { mediaIds: { has: mediaId } } },
      select: { ...storyFacts, liveRevision: { select: { heroImageId: true, heroCaption: true, heroCredit: true, socialImageId: true, body: true } } },
      orderBy: { id: "asc" },
    }),
    tx.article.findMany({ where: { liveRevisionId: { not: null }, entries: { some: { status: "POSTED", mediaIds: { has: mediaId } } } }, select: storyFacts, orderBy: { id: "asc" } }),
  ]);
  const stories: { story: (typeof byEntry)[number]; name: string }[] = [];
  for (const { liveRevision, ...story } of byRevision) {
    const name = (await photoRightsOf(tx, liveRevision!)).find((photo) => photo.mediaId === mediaId)?.name ?? "one of its photos";
    stories.push({ story, name });
  }
  for (const story of byEntry) if (!stories.some((each) => each.story.id === story.id)) stories.push({ story, name: "a photo in one of its live entries" });
  return stories;
}
