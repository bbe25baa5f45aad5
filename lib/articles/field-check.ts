import type { z } from "zod";
import type { ArticleDocument } from "@/lib/content/document";
import { textProblem } from "@/lib/content/limits";
import { validateDocument, withoutOverlongPhotoTexts } from "@/lib/content/validate";
import { AppError } from "@/lib/errors";
import type { FramingChange } from "@/lib/media/crops";
import { parseShape, refuseUnstorableText } from "@/lib/validation";
import { CONTENT_RULES } from "./schemas";

/**
 * One field of a story save that was not stored, and why, in words a person
 * can act on ("Headline: must be at most 200 characters (it has 288).").
 * The answer to a save lists them as `invalid`; the editor flags each in place.
 */
export interface KeptBack {
  field: string;
  message: string;
}

/** What a person typed and the save may store: each field present only when it passed its own rule. */
export interface CheckedContent {
  headline?: string;
  standfirst?: string;
  body?: ArticleDocument;
  slug?: string;
  sectionId?: string | null;
  tags?: string[];
  /** a text kept back is absent: the stored one stays (the same image) or is empty (a new one) */
  hero?: ({ mediaId: string; alt?: string; caption?: string; credit?: string } & FramingChange) | null;
  /** search and social: empty means "the headline", "the standfirst" (./search-fields.ts) */
  seoTitle?: string;
  description?: string;
  /** a media id; null clears (the hero stands in) */
  socialImage?: string | null;
}

type ContentInput = {
  headline?: string;
  standfirst?: string;
  body?: unknown;
  slug?: string;
  sectionId?: string | null;
  tags?: string[];
  hero?: ({ mediaId: string; alt: string; caption: string; credit: string } & FramingChange) | null;
  seoTitle?: string | null;
  description?: string | null;
  socialImage?: string | null;
};

export const FIELD_LABELS: Record<string, string> = {
  headline: "Headline",
  standfirst: "Standfirst",
  slug: "Slug",
  tags: "Tags",
  body: "Body",
  "hero.alt": "Hero image alt text",
  "hero.caption": "Hero image caption",
  "hero.credit": "Hero image credit",
  seoTitle: "SEO title",
  description: "Description",
  socialImage: "Social image",
};

/** The text a person types, which a save may keep back field by field; everything else in the request must be storable as sent. */
const PERSON_TEXT = new Set(["headline", "standfirst", "body", "slug", "tags", "seoTitle", "description"]);
const HERO_TEXTS = ["alt", "caption", "credit"] as const;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Parses a story save's shape: a wrong type, an unknown key, a missing or
 * bad version, a NUL in an id or a plan field refuse the whole save (400),
 * as a client's mistake. The text a person typed is only typed here; its
 * rules are checkContent's, one field at a time.
 */
export function parseStoryInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  if (isRecord(input)) {
    const rest = Object.fromEntries(Object.entries(input).filter(([key]) => !PERSON_TEXT.has(key) && key !== "hero"));
    const hero = isRecord(input.hero) ? Object.fromEntries(Object.entries(input.hero).filter(([key]) => !(HERO_TEXTS as readonly string[]).includes(key))) : input.hero;
    refuseUnstorableText({ ...rest, hero });
  } else refuseUnstorableText(input);
  return parseShape(schema, input);
}

/** A field's own rule: storable text first (PostgreSQL refuses a NUL), then its limit and pattern. */
function check<T>(field: string, rule: z.ZodType<T>, value: unknown, invalid: KeptBack[]): T | undefined {
  const label = FIELD_LABELS[field] ?? field;
  for (const text of Array.isArray(value) ? value : [value]) {
    const problem = typeof text === "string" ? textProblem(text) : null;
    if (problem) return void invalid.push({ field, message: `${label}: ${problem}.` });
  }
  const result = rule.safeParse(value);
  if (result.success) return result.data;
  return void invalid.push({ field, message: `${label}: ${result.error.issues[0]!.message}.` });
}

/**
 * Checks each content field on its own. A field that breaks its rule is
 * kept back — not stored, listed in `invalid` — and the rest go through, so
 * one over-long headline never again costs a story its body. A body that is
 * not an editor document at all is a client's mistake and refuses the save;
 * one the editor could have made (a bad link, a photo's caption past its
 * limit, past the size caps) is kept back like any field.
 */
export function checkContent(fields: ContentInput): { valid: CheckedContent; invalid: KeptBack[] } {
  const invalid: KeptBack[] = [];
  const valid: CheckedContent = {};
  if (fields.headline !== undefined) valid.headline = check("headline", CONTENT_RULES.headline, fields.headline, invalid);
  if (fields.standfirst !== undefined) valid.standfirst = check("standfirst", CONTENT_RULES.standfirst, fields.standfirst, invalid);
  if (fields.slug !== undefined) valid.slug = check("slug", CONTENT_RULES.slug, fields.slug, invalid);
  if (fields.tags !== undefined) valid.tags = check("tags", CONTENT_RULES.tags, fields.tags, invalid);
  if (fields.sectionId !== undefined) valid.sectionId = fields.sectionId;
  // null clears a search text back to its fallback (the headline, the standfirst).
  if (fields.seoTitle !== undefined) valid.seoTitle = fields.seoTitle === null ? "" : check("seoTitle", CONTENT_RULES.seoTitle, fields.seoTitle, invalid);
  if (fields.description !== undefined) valid.description = fields.description === null ? "" : check("description", CONTENT_RULES.description, fields.description, invalid);
  if (fields.socialImage !== undefined) valid.socialImage = fields.socialImage;
  if (fields.hero !== undefined) {
    const hero = fields.hero;
    valid.hero = hero && {
      mediaId: hero.mediaId,
      ...Object.fromEntries(HERO_TEXTS.map((key) => [key, check(`hero.${key}`, CONTENT_RULES[key], hero[key], invalid)])),
      ...(hero.focus !== undefined && { focus: hero.focus }),
      ...(hero.crops !== undefined && { crops: hero.crops }),
    };
  }
  if (fields.body !== undefined) {
    if (!isRecord(fields.body) || fields.body.type !== "doc") {
      throw new AppError("VALIDATION", 'body: must be an editor document ({ "type": "doc", … }).', { field: "body" });
    }
    try {
      valid.body = validateDocument(fields.body);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== "VALIDATION" && error.code !== "TOO_LARGE")) throw error;
      const why = error.code === "TOO_LARGE" ? "too large to store; split it into two stories, or remove some of it." : error.message.replace(/^body: /, "");
      // A photo's caption past its limit keeps back that caption, not the paragraphs around it.
      valid.body = error.details?.photoText ? bodyWithoutPhotoTexts(fields.body) : undefined;
      invalid.push({ field: "body", message: `Body: ${why}${valid.body ? " The rest of the body is saved." : ""}` });
    }
  }
  for (const key of Object.keys(valid) as (keyof CheckedContent)[]) if (valid[key] === undefined) delete valid[key];
  return { valid, invalid };
}

function bodyWithoutPhotoTexts(body: Record<string, unknown>): ArticleDocument | undefined {
  try {
    return validateDocument(withoutOverlongPhotoTexts(body as ArticleDocument));
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}

/** Whether anything is left to store once the kept-back fields are out. */
export const storesContent = (valid: CheckedContent) => Object.values(valid).some((value) => value !== undefined);
