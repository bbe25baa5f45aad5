import { FIELD_LIMITS } from "@/lib/content/limits";

const MAX_SLUG_LENGTH = FIELD_LIMITS.slug;

/** "Council backs night buses, 7–2" → "council-backs-night-buses-7-2" */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, "");
}

/** A placeholder address for a draft started before its headline; saving a headline replaces it. */
export const untitledSlug = () => `untitled-${crypto.randomUUID().slice(0, 8)}`;

/** Whether a slug is the placeholder an untitled draft (or a story planned before its headline) was given. */
export const isPlaceholderSlug = (slug: string) => /^untitled-[0-9a-f]{8}$/.test(slug);

/**
 * Whether the editor makes the address from the headline as it is typed: not
 * once readers have had the story (old links must keep meaning it), not when
 * someone chose an address of their own; yes while the address is still the
 * headline's or the placeholder.
 */
export const slugFollowsHeadline = (story: { slug: string; headline: string; publishedAt: Date | string | null }) =>
  story.publishedAt === null && (story.slug === slugify(story.headline) || isPlaceholderSlug(story.slug));

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
