import type { JSONContent } from "@tiptap/core";

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
}

export const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });

/** A photo slot: the caption and credit as they came, the image to be added in the editor (publishing waits for it). */
export const photoSlot = (caption: string, credit: string): JSONContent => ({ type: "figure", attrs: { src: "", alt: "", caption, credit } });

const HEADLINE_MAX = 200;
export const STANDFIRST_MAX = 600;

/** A headline within the field's limit, cut at a word. */
export function fitHeadline(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= HEADLINE_MAX) return clean;
  return `${clean.slice(0, HEADLINE_MAX - 1).replace(/\s+\S*$/, "")}…`;
}
