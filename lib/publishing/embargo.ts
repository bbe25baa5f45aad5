import { formatDateTime } from "@/lib/format";

/**
 * An embargo: no public surface shows the story before its end. The rule
 * lives in the workflow table (`underEmbargo`: a publish becomes a schedule
 * for the end, a publish time moves to it, nothing else makes the story
 * live), so readers, feeds, sitemaps, search, the content API and images —
 * all of which show only live stories — keep it by construction; share links
 * refuse an embargoed story (lib/articles/previews.ts).
 */
export const underEmbargo = (story: { embargoUntil: Date | null }, now: Date): story is { embargoUntil: Date } =>
  story.embargoUntil !== null && story.embargoUntil.getTime() > now.getTime();

export const embargoPhrase = (until: Date) => `embargoed until ${formatDateTime(until)}`;
