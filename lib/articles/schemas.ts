import { z } from "zod";
import { cropsInput, focusInput } from "@/lib/media/crops";
import { FIELD_LIMITS, PLAN_LIMITS, tooLong } from "@/lib/content/limits";
import { SLUG_PATTERN } from "@/lib/slug";
import { lenientEnum, NewsroomTime, versionNumber } from "@/lib/validation";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "@/lib/workflow";

/**
 * Whitelists, one per command. None has status, author, publish time or
 * version as something to set: those move only through transition(), and
 * `.strict()` turns an extra key into a 400 instead of a silent drop.
 */
/**
 * What a person types into a story, each field checked on its own
 * (./field-check.ts): a save keeps back a field that breaks its rule and
 * stores the rest, so one over-long headline no longer costs the body. The
 * limits are FIELD_LIMITS, which the editor's counters read too.
 */
const limited = (limit: number) => z.string().trim().max(limit, { error: (issue) => tooLong(limit, String(issue.input).length) });
export const CONTENT_RULES = {
  /** Empty while a draft is being written (the workflow asks for one before review). */
  headline: limited(FIELD_LIMITS.headline),
  standfirst: limited(FIELD_LIMITS.standfirst),
  slug: limited(FIELD_LIMITS.slug).min(1, "is required").regex(SLUG_PATTERN, "may hold only lowercase letters, digits and hyphens"),
  tags: z
    .array(z.string().trim().min(1, "a tag may not be empty").max(FIELD_LIMITS.tag, { error: (issue) => `a tag ${tooLong(FIELD_LIMITS.tag, String(issue.input).length)}` }))
    .max(FIELD_LIMITS.tags, { error: (issue) => `at most ${FIELD_LIMITS.tags} tags (there are ${(issue.input as unknown[]).length})` }),
  alt: limited(FIELD_LIMITS.alt),
  caption: limited(FIELD_LIMITS.caption),
  credit: limited(FIELD_LIMITS.credit),
  seoTitle: limited(FIELD_LIMITS.seoTitle),
  description: limited(FIELD_LIMITS.description),
};

const Id = z.string().min(1).max(64);
/** The content fields' shape: the right types and keys, nothing more; a wrong type is a client's mistake and refuses the save. */
const HeroShape = z
  .object({
    mediaId: Id,
    alt: z.string(),
    caption: z.string(),
    credit: z.string(),
    /** where the subject is; null clears it (and any hand-drawn crop): crops are centred again */
    focus: focusInput.nullable().optional(),
    crops: cropsInput.optional(),
  })
  .strict()
  .nullable();
const Tags = z.array(z.string());
/**
 * Search and social (./search-fields.ts): `null` clears. The share image is
 * named by its media id, bare or as `{ mediaId }` like the hero's.
 */
const SearchFields = {
  seoTitle: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  socialImage: z
    .union([Id, z.object({ mediaId: Id }).strict()], { error: 'must be a media id, { "mediaId": … } or null' })
    .transform((image) => (typeof image === "string" ? image : image.mediaId))
    .nullable()
    .optional(),
};

/** The desk's plan for a story; not content, so changing it makes no revision. */
const Planning = {
  slugLine: z.string().trim().max(120, "must be at most 120 characters").optional(),
  assigneeId: Id.nullable().optional(),
  editorId: Id.nullable().optional(),
  deadline: NewsroomTime.nullable().optional(),
  plannedFor: NewsroomTime.nullable().optional(),
  /** the angle, the contacts: a few lines for the assignee; blank clears it */
  brief: z
    .string()
    .trim()
    .max(PLAN_LIMITS.briefChars, `must be at most ${PLAN_LIMITS.briefChars.toLocaleString("en-GB")} characters`)
    .transform((brief) => brief || null)
    .nullable()
    .optional(),
};
export const PLANNING_FIELDS = Object.keys(Planning) as (keyof typeof Planning)[];

const ArticleFields = {
  headline: z.string(),
  standfirst: z.string(),
  body: z.unknown(),
  slug: z.string(),
  sectionId: Id.nullable(),
  tags: Tags,
  hero: HeroShape,
  ...SearchFields,
};
export const CONTENT_FIELDS = Object.keys(ArticleFields) as (keyof typeof ArticleFields)[];

/** A story, or live coverage (a live blog: lib/live/); the API spells them in lower case, either case is taken. */
export const ArticleKind = lenientEnum(["STORY", "LIVE"], { error: "must be story or live" });

export const CreateArticleInput = z
  .object({ ...ArticleFields, ...Planning, kind: ArticleKind.default("STORY"), headline: z.string().default(""), standfirst: z.string().default(""), slug: z.string().optional(), sectionId: Id.nullable().default(null), tags: Tags.default([]), hero: HeroShape.default(null), body: z.unknown().optional() })
  .strict();
export type CreateArticleInput = z.infer<typeof CreateArticleInput>;

export const SaveDraftInput = z
  .object({
    articleId: Id,
    /** required when the save changes content; a plan-only save names none */
    version: versionNumber().optional(),
    ...Planning,
    /** a draft never published may become live coverage, or a story again while it has no entries */
    kind: ArticleKind.optional(),
    /** desk facts, not content (no version, no revision): lib/publishing/desk-facts.ts */
    embargoUntil: NewsroomTime.nullable().optional(),
    needsLegalReview: z.boolean({ error: "must be true or false" }).optional(),
    headline: z.string().optional(),
    standfirst: z.string().optional(),
    body: z.unknown().optional(),
    slug: z.string().optional(),
    sectionId: Id.nullable().optional(),
    tags: Tags.optional(),
    hero: HeroShape.optional(),
    ...SearchFields,
  })
  .strict();
export type SaveDraftInput = z.infer<typeof SaveDraftInput>;

const PERSON_ACTIONS = WORKFLOW_ACTIONS.filter((action) => action !== "publish_scheduled") as [WorkflowAction, ...WorkflowAction[]];

export const TransitionInput = z
  .object({
    articleId: Id,
    action: lenientEnum(PERSON_ACTIONS, { error: `must be one of ${PERSON_ACTIONS.join(", ")}` }),
    note: z.string().trim().max(2000).optional(),
    publishAt: NewsroomTime.optional(),
    version: versionNumber().optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof TransitionInput>;

export const CommentInput = z.object({ articleId: Id, body: z.string().trim().min(1, "is required").max(5000) }).strict();

export const RestoreRevisionInput = z.object({ articleId: Id, revisionId: Id, version: versionNumber() }).strict();

export const ListArticlesInput = z
  .object({
    status: lenientEnum(["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "SCHEDULED", "PUBLISHED", "ARCHIVED"]).optional(),
    section: Id.optional(),
    author: Id.optional(),
    q: z.string().trim().max(200).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ListArticlesInput = z.infer<typeof ListArticlesInput>;
