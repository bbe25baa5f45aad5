import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/slug";
import { lenientEnum, NewsroomTime } from "@/lib/validation";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "@/lib/workflow";

/**
 * Whitelists, one per command. None has status, author, publish time or
 * version as something to set: those move only through transition(), and
 * `.strict()` turns an extra key into a 400 instead of a silent drop.
 */
/** Empty while a draft is being written (the workflow asks for one before review). */
const Headline = z.string().trim().max(200, "must be at most 200 characters");
const Standfirst = z.string().trim().max(600, "must be at most 600 characters");
const Slug = z.string().trim().min(1, "is required").max(80).regex(SLUG_PATTERN, "may hold only lowercase letters, digits and hyphens");
const Tags = z.array(z.string().trim().min(1).max(60)).max(20, "at most 20 tags");
const Id = z.string().min(1).max(64);
const Hero = z
  .object({
    mediaId: Id,
    alt: z.string().trim().max(300),
    caption: z.string().trim().max(600),
    credit: z.string().trim().max(200),
  })
  .strict()
  .nullable();

/** The desk's plan for a story; not content, so changing it makes no revision. */
const Planning = {
  slugLine: z.string().trim().max(120, "must be at most 120 characters").optional(),
  assigneeId: Id.nullable().optional(),
  editorId: Id.nullable().optional(),
  deadline: NewsroomTime.nullable().optional(),
  plannedFor: NewsroomTime.nullable().optional(),
};
export const PLANNING_FIELDS = Object.keys(Planning) as (keyof typeof Planning)[];

const ArticleFields = {
  headline: Headline,
  standfirst: Standfirst,
  body: z.unknown(),
  slug: Slug,
  sectionId: Id.nullable(),
  tags: Tags,
  hero: Hero,
};

export const CreateArticleInput = z
  .object({ ...ArticleFields, ...Planning, headline: Headline.default(""), standfirst: Standfirst.default(""), slug: Slug.optional(), sectionId: Id.nullable().default(null), tags: Tags.default([]), hero: Hero.default(null), body: z.unknown().optional() })
  .strict();
export type CreateArticleInput = z.infer<typeof CreateArticleInput>;

export const SaveDraftInput = z
  .object({
    articleId: Id,
    /** required when the save changes content; a plan-only save names none */
    version: z.number().int().positive().optional(),
    ...Planning,
    headline: Headline.optional(),
    standfirst: Standfirst.optional(),
    body: z.unknown().optional(),
    slug: Slug.optional(),
    sectionId: Id.nullable().optional(),
    tags: Tags.optional(),
    hero: Hero.optional(),
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
    version: z.number().int().positive().optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof TransitionInput>;

export const CommentInput = z.object({ articleId: Id, body: z.string().trim().min(1, "is required").max(5000) }).strict();

export const RestoreRevisionInput = z.object({ articleId: Id, revisionId: Id, version: z.number().int().positive() }).strict();

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
