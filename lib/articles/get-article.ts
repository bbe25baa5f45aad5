import { db } from "@/lib/db";
import { storedFraming } from "@/lib/media/crops";
import { imageUrl } from "@/lib/media/image";
import { countWords, readingMinutes } from "@/lib/content/word-count";
import { coverageOf } from "@/lib/live/coverage-state";
import { allowedActions, can, heldByFourEyes, mayPlan, type Viewer } from "@/lib/policy";
import { underEmbargo } from "@/lib/publishing/embargo";
import { newsroomRules } from "@/lib/settings";
import { denialMessage, findVisible, withFacts } from "./find";
import { apiKind } from "./kind";

/** Everything the editor needs about one article, including what this viewer may do with it now and why not. */
export async function getArticle(viewer: Viewer, articleId: string) {
  const visible = await findVisible(db(), viewer, articleId);
  const [row, rules] = await Promise.all([
    db().article.findUniqueOrThrow({
      where: { id: visible.id },
      include: {
        author: { select: { id: true, name: true } },
        assignee: { select: { id: true, name: true } },
        editor: { select: { id: true, name: true } },
        section: { select: { id: true, name: true } },
        heroImage: { select: { id: true, storageKey: true, widths: true, width: true, height: true } },
        socialImage: { select: { id: true, storageKey: true, widths: true } },
        tags: { select: { tag: { select: { name: true } } } },
        liveRevision: { select: { version: true } },
        scheduledRevision: { select: { version: true } },
        legalClearedBy: { select: { name: true } },
        corrections: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, note: true, createdAt: true, publishedAt: true } },
      },
    }),
    newsroomRules(db()),
  ]);
  // Clearing for legal is a right an admin grants a person, read here with the rest of what they may do.
  const reviewer = viewer.kind === "staff" ? { ...viewer, legalReviewer: (await db().user.findUnique({ where: { id: viewer.id }, select: { legalReviewer: true } }))?.legalReviewer ?? false } : viewer;
  const article = withFacts(row);
  const changeRequest =
    article.status === "CHANGES_REQUESTED"
      ? await db().workflowEvent.findFirst({
          where: { articleId: article.id, action: "request_changes" },
          orderBy: { createdAt: "desc" },
          select: { note: true, createdAt: true, actor: { select: { name: true } } },
        })
      : null;
  const words = countWords(article.body);
  const may = (action: Parameters<typeof can>[1], entry?: { status: "PENDING" | "POSTED" }) => can(viewer, action, article, rules, entry).ok;
  return {
    id: article.id,
    slug: article.slug,
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    status: article.status,
    /** "story" or "live" (live coverage), as the API spells it */
    kind: apiKind(article.kind),
    /** live coverage once published: running until an editor ends it */
    coverage: coverageOf(article),
    /** what this viewer may do on the live desk (null for a story) */
    liveDesk:
      article.kind === "LIVE"
        ? {
            posts: may("post_entry") ? ("direct" as const) : may("queue_entry") ? ("queue" as const) : null,
            mayApprove: may("approve_entry", { status: "PENDING" }),
            mayPin: may("pin_entry", { status: "POSTED" }),
            mayChangePosted: may("edit_entry", { status: "POSTED" }),
            mayDeletePosted: may("delete_entry", { status: "POSTED" }),
            /** a correction of a posted entry: an editor's, on live coverage readers have */
            mayCorrect: may("correct"),
            mayEndCoverage: may("end_coverage"),
            mayResumeCoverage: may("resume_coverage"),
          }
        : null,
    version: article.version,
    /** the version readers have, or null when nothing is live */
    liveVersion: article.liveVersion,
    hasUnpublishedChanges: article.live && article.changes,
    scheduledVersion: row.scheduledRevision?.version ?? null,
    author: row.author,
    section: row.section,
    tags: row.tags.map((t) => t.tag.name).sort(),
    heroImage: row.heroImage && {
      id: row.heroImage.id,
      url: imageUrl(row.heroImage.storageKey, Math.min(960, Math.max(...row.heroImage.widths))),
      altText: article.heroAlt,
      caption: article.heroCaption,
      credit: article.heroCredit,
      /** upright, so the editor draws crops as readers get them */
      width: row.heroImage.width,
      height: row.heroImage.height,
      framing: storedFraming(article.heroFocus),
    },
    /** search and social, as typed: empty means the headline, the standfirst; no image means the hero */
    seoTitle: article.seoTitle,
    description: article.description,
    socialImage: row.socialImage && { mediaId: row.socialImage.id, url: imageUrl(row.socialImage.storageKey, Math.min(960, Math.max(...row.socialImage.widths))) },
    publishedAt: article.publishedAt,
    scheduledFor: article.scheduledFor,
    /** an embargo not yet over (lib/publishing/embargo.ts): nothing public shows the story before it */
    embargoUntil: underEmbargo(article, new Date()) ? article.embargoUntil : null,
    maySetEmbargo: may("set_embargo"),
    mayLiftEmbargo: may("lift_embargo"),
    legalReview: {
      needed: article.needsLegalReview,
      /** the version a reviewer cleared, by whom and when (the check wants it to be the version going out) */
      cleared: article.legalClearedVersion === null ? null : { version: article.legalClearedVersion, by: row.legalClearedBy?.name ?? null, at: article.legalClearedAt },
      mayMark: may("mark_legal_review"),
      mayUnmark: may("unmark_legal_review"),
      mayClear: can(reviewer, "clear_legal_review", article).ok,
    },
    /** where ingested copy came from; staff only */
    source: article.sourceAgency ? { agency: article.sourceAgency, id: article.sourceId, receivedAt: article.sourceReceivedAt!, byline: article.sourceByline } : null,
    plan: { slugLine: article.slugLine, assignee: row.assignee, editor: row.editor, deadline: article.deadline, plannedFor: article.plannedFor, brief: article.brief },
    wordCount: words,
    readingMinutes: readingMinutes(words),
    updatedAt: article.updatedAt,
    changeRequest,
    corrections: row.corrections,
    canEdit: can(viewer, "edit", article).ok,
    canCorrect: can(viewer, "correct", article).ok,
    /** may list, make and revoke the story's share links */
    canShare: can(viewer, "share", article).ok,
    canPlan: mayPlan(viewer),
    allowedActions: allowedActions(viewer, article, rules),
    /** moves held back by the four-eyes rule, with the reason the button shows instead */
    heldActions: heldByFourEyes(viewer, article, rules).map((action) => ({ action, reason: denialMessage("four_eyes") })),
  };
}

export type EditorArticle = Awaited<ReturnType<typeof getArticle>>;
