import type { JSONContent } from "@tiptap/core";
import { FIELD_LIMITS } from "@/lib/content/limits";

/** How the headline of an ingested story was chosen; the answer says which. */
export type HeadlineRule = "headline-line" | "candidate-line" | "first-sentence" | "ninjs" | "page-heading";

/** What an ingested text or wire item becomes, before it is stored: the draft, and what was left out. */
export interface IngestedDraft {
  headline: string;
  headlineFrom: HeadlineRule;
  standfirst: string;
  /** the editor's document: paragraphs, and photo slots (figures awaiting an image) */
  body: JSONContent;
  tags: string[];
  byline: string | null;
  /** the agency's own id for the story (ninjs `uri`); plain text has none */
  sourceId: string | null;
  /** what was dropped, in the words it came in (boilerplate lines, markup the body does not allow) */
  dropped: string[];
  /** the embargo the copy states (ninjs `embargoed`, an "Embargoed until …" line), when still to come (./embargo.ts) */
  embargoUntil: Date | null;
  /** what the desk should know about how the copy was read: the embargo set, passed, or unreadable */
  notes: string[];
}

export const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });

/**
 * A photo slot: the caption and credit as they came, the image to be added
 * in the editor (publishing waits for it). Within the photo limits the save
 * checks (FIELD_LIMITS): an agency's over-long caption is cut at a word, not
 * a reason to refuse the story. Never decorative: an agency's picture comes
 * with a caption, so it says something, and the desk writes its alt text.
 */
export const photoSlot = (caption: string, credit: string): JSONContent => ({
  type: "figure",
  attrs: { src: "", alt: "", caption: fitText(caption, FIELD_LIMITS.caption), credit: fitText(credit, FIELD_LIMITS.credit), decorative: false },
});

export const STANDFIRST_MAX = FIELD_LIMITS.standfirst;

/** A text within a field's limit: as it came when it fits, else its spacing tidied and cut at a word. */
function fitText(text: string, limit: number): string {
  if (text.trim().length <= limit) return text;
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= limit) return clean;
  return `${clean.slice(0, limit - 1).replace(/\s+\S*$/, "")}…`;
}

/** A headline on one line within the field's limit, cut at a word. */
export const fitHeadline = (text: string) => fitText(text.replace(/\s+/g, " ").trim(), FIELD_LIMITS.headline);
