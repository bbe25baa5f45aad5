const MAX_SLUG_LENGTH = 80;

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

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
