import type { CorrectionKind } from "@/lib/generated/prisma/client";
import { renderArticleHtml } from "@/lib/content/render-html";
import { countWords } from "@/lib/content/word-count";
import { imageUrl } from "@/lib/media/image";

/**
 * A story as an IPTC ninjs 3.0 document (http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json),
 * the mapping docs/syndication.md describes. ninjs 3.0 spells its fields in
 * camelCase (`pubStatus`, `versionCreated`, `embargoedUntil`) and allows no
 * other top-level property, so a test validates every item against the
 * published schema. Pure: the feed (items.ts) reads the rows.
 */

export const NINJS_STANDARD = { name: "ninjs", version: "3.0", schema: "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json#" } as const;
/** Reader feeds and the news sitemap say "en" too: the newsroom writes in one language. */
const LANGUAGE = "en";

/** Stable for the story's life, whatever its slug becomes: the article id, not the public address. */
export const articleUri = (articleId: string) => `urn:copydesk:article:${articleId}`;
const imageUri = (mediaId: string) => `urn:copydesk:image:${mediaId}`;

interface Text {
  role?: string;
  contentType?: string;
  value: string;
}

interface Rendition {
  name: string;
  href: string;
  contentType: string;
  title?: string;
  width?: number;
  height?: number;
}

export interface NinjsItem {
  uri: string;
  type: "text" | "picture";
  standard?: typeof NINJS_STANDARD;
  representationType: "full" | "partial";
  version?: string;
  firstCreated?: string;
  versionCreated?: string;
  embargoedUntil?: string;
  pubStatus?: "usable" | "withheld" | "canceled";
  language?: string;
  copyrightHolder?: string;
  by?: string;
  headlines?: Text[];
  descriptions?: Text[];
  bodies?: (Text & { wordCount?: number })[];
  subjects?: { name: string; rel: string; uri: string; literal: string }[];
  altIds?: { role: string; value: string }[];
  renditions?: Rendition[];
  associations?: (NinjsItem & { name: string; rel: string })[];
}

/** A revision partners may have: the live one, or the one scheduled under an embargo. */
export interface SyndicatedContent {
  version: number;
  slug: string;
  headline: string;
  standfirst: string;
  body: unknown;
  seoTitle: string;
  description: string;
  heroAlt: string;
  heroCaption: string;
  heroCredit: string;
  section: { slug: string; name: string } | null;
  tags: { slug: string; name: string }[];
  heroImage: { id: string; storageKey: string; widths: number[]; width: number; height: number } | null;
}

export type StoryState =
  /** readers have it (`live`) or partners may see it early (`embargoedUntil`) */
  | { pubStatus: "usable"; live: boolean; embargoedUntil: Date | null; content: SyndicatedContent; corrections: { kind: CorrectionKind; note: string }[] }
  /** an embargoed story taken off the schedule, or a takedown: no content goes with it */
  | { pubStatus: "withheld" | "canceled"; version: number };

export interface StoryFacts {
  id: string;
  /** when partners first heard of the story, and when of this state */
  firstCreated: Date;
  versionCreated: Date;
  /** the event this state answers (partners may deduplicate on it) */
  eventId: string;
  byline: string;
  state: StoryState;
}

export interface Site {
  origin: string;
  newsroom: string;
}

export function ninjsItem(story: StoryFacts, site: Site): NinjsItem {
  const { state } = story;
  const common = {
    uri: articleUri(story.id),
    type: "text" as const,
    standard: NINJS_STANDARD,
    firstCreated: story.firstCreated.toISOString(),
    versionCreated: story.versionCreated.toISOString(),
    language: LANGUAGE,
    altIds: [
      { role: "articleId", value: story.id },
      { role: "eventId", value: story.eventId },
    ],
  };
  // Withheld or taken down: the partner learns which story and that it must go, and not a word of it more.
  if (state.pubStatus !== "usable") return { ...common, representationType: "partial", version: String(state.version), pubStatus: state.pubStatus };

  const { content } = state;
  const body = renderArticleHtml(content.body, `syndication of article ${story.id}`, site.origin);
  const texts = (list: (Text | false)[]) => list.filter((text): text is Text => text !== false);
  return {
    ...common,
    representationType: "full",
    version: String(content.version),
    pubStatus: "usable",
    ...(state.embargoedUntil && { embargoedUntil: state.embargoedUntil.toISOString() }),
    copyrightHolder: site.newsroom,
    by: story.byline,
    headlines: texts([{ role: "main", contentType: "text/plain", value: content.headline }, content.seoTitle !== "" && { role: "seo", contentType: "text/plain", value: content.seoTitle }]),
    descriptions: texts([
      content.standfirst !== "" && { role: "summary", contentType: "text/plain", value: content.standfirst },
      content.description !== "" && { role: "seo", contentType: "text/plain", value: content.description },
      // ninjs 3.0 has no field for corrections: each public one, oldest first, is a description in the role of its kind.
      ...state.corrections.map((correction) => ({ role: correction.kind.toLowerCase(), contentType: "text/plain", value: correction.note })),
    ]),
    bodies: [{ role: "main", contentType: "text/html", value: body, wordCount: countWords(content.body) }],
    subjects: [
      ...(content.section ? [{ name: content.section.name, rel: "section", uri: `${site.origin}/sections/${content.section.slug}`, literal: content.section.slug }] : []),
      ...content.tags.map((tag) => ({ name: tag.name, rel: "tag", uri: `${site.origin}/tags/${tag.slug}`, literal: tag.slug })),
    ],
    // The page readers read; an embargoed story has none yet.
    ...(state.live && { renditions: [{ name: "web", href: `${site.origin}/articles/${content.slug}`, contentType: "text/html", title: content.headline }] }),
    ...(content.heroImage && { associations: [heroAssociation(content, content.heroImage, site)] }),
  };
}

/** The hero photo, with a rendition per stored width (WebP variants; never the original). */
function heroAssociation(content: SyndicatedContent, image: NonNullable<SyndicatedContent["heroImage"]>, site: Site): NinjsItem & { name: string; rel: string } {
  const widths = [...image.widths].sort((a, b) => a - b);
  const credit = content.heroCredit.trim();
  return {
    name: "hero",
    rel: "hero",
    uri: imageUri(image.id),
    type: "picture",
    representationType: "partial",
    ...(credit !== "" && { by: credit }),
    descriptions: [
      ...(content.heroCaption !== "" ? [{ role: "caption", contentType: "text/plain", value: content.heroCaption }] : []),
      ...(content.heroAlt !== "" ? [{ role: "alt", contentType: "text/plain", value: content.heroAlt }] : []),
    ],
    renditions: widths.map((width) => ({
      name: `w${width}`,
      href: site.origin + imageUrl(image.storageKey, width),
      contentType: "image/webp",
      width,
      height: Math.round((image.height * width) / image.width),
    })),
  };
}
