import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { mayArrangeFrontPage, type StaffViewer, type Viewer } from "@/lib/policy";
import { expireReaderPages } from "@/lib/reader/cache";
import { FRONT_PAGE } from "@/lib/reader/tags";
import { parseInput } from "@/lib/validation";

/** The lead and the slots under it that editors may pin. */
export const FRONT_PAGE_SLOTS = 5;
const CANDIDATES = 50;

const FrontPageInput = z
  .object({
    articleIds: z
      .array(z.string().min(1).max(64))
      .max(FRONT_PAGE_SLOTS, `at most ${FRONT_PAGE_SLOTS} pinned stories`)
      .refine((ids) => new Set(ids).size === ids.length, "a story can hold only one slot"),
  })
  .strict();

export interface FrontPageStory {
  id: string;
  headline: string;
  slug: string;
  publishedAt: string;
}
export interface FrontPagePlan {
  pinned: FrontPageStory[];
  /** the newest live stories, to pin from */
  candidates: FrontPageStory[];
  maxSlots: number;
}

const storySelect = { id: true, publishedAt: true, liveRevision: { select: { headline: true, slug: true } } } as const;
const toStory = (row: { id: string; publishedAt: Date | null; liveRevision: { headline: string; slug: string } | null }): FrontPageStory => ({
  id: row.id,
  headline: row.liveRevision!.headline,
  slug: row.liveRevision!.slug,
  publishedAt: row.publishedAt!.toISOString(),
});
const LIVE = { liveRevisionId: { not: null } } as const;

function assertMayArrange(viewer: Viewer): asserts viewer is StaffViewer {
  if (viewer.kind !== "staff" || !mayArrangeFrontPage(viewer)) throw new AppError("FORBIDDEN", "Only editors choose what leads the front page.");
}

/** What leads the front page now, and the live stories an editor may pin. */
export async function getFrontPagePlan(viewer: Viewer): Promise<FrontPagePlan> {
  assertMayArrange(viewer);
  const [slots, candidates] = await Promise.all([
    db().frontPageSlot.findMany({ where: { article: LIVE }, orderBy: { position: "asc" }, select: { article: { select: storySelect } } }),
    db().article.findMany({ where: LIVE, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: CANDIDATES, select: storySelect }),
  ]);
  return { pinned: slots.map((slot) => toStory(slot.article)), candidates: candidates.map(toStory), maxSlots: FRONT_PAGE_SLOTS };
}

/**
 * Replaces the pinned stories with `articleIds`, in that order (an empty list
 * unpins all: the front page is newest first again). Only live stories may be
 * pinned. Two editors arranging at once are taken one after the other, and
 * the front page is refreshed through the reader tier like a publish.
 */
export async function arrangeFrontPage(viewer: Viewer, input: unknown): Promise<FrontPagePlan> {
  assertMayArrange(viewer);
  const { articleIds } = parseInput(FrontPageInput, input);
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('copydesk:front-page'))`;
    // FOR SHARE: an unpublish of one of these waits for this to commit, and then takes its slot away in its own transaction.
    const live = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Article" WHERE "id" = ANY(${articleIds}::text[]) AND "liveRevisionId" IS NOT NULL FOR SHARE`;
    const notLive = articleIds.filter((id) => !live.some((article) => article.id === id));
    if (notLive.length > 0) {
      throw new AppError("VALIDATION", `articleIds: only published stories can be pinned; not published: ${notLive.join(", ")}.`, { field: "articleIds" });
    }
    await tx.frontPageSlot.deleteMany({});
    await tx.frontPageSlot.createMany({ data: articleIds.map((articleId, position) => ({ position, articleId, pinnedById: viewer.id })) });
  });
  await expireReaderPages([FRONT_PAGE], ["/"]);
  return getFrontPagePlan(viewer);
}
