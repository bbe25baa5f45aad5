import type { JSONContent } from "@tiptap/core";
import { AppError } from "@/lib/errors";
import { fitHeadline, paragraph, photoSlot, STANDFIRST_MAX, type HeadlineRule, type IngestedDraft } from "./draft";

/** "… at the port on Monday (Photo: AP)": a caption line, its credit in parentheses at the end. */
const CAPTION = /^(.*\S)\s*\((?:Photo|Picture|Image|Pic)(?: credit)?\s*:\s*([^()]+?)\s*\)$/i;
const HEADLINE_LINE = /^headline\s*:\s*(.+)$/i;
const STANDFIRST_LINE = /^(?:standfirst|summary)\s*:\s*(.+)$/i;

/**
 * Lines that arrive with copy and are never part of the story: contact
 * lines, "more stories" and "previous/next article" links, share and follow
 * prompts, newsletter pitches, advertisement markers.
 */
const BOILERPLATE = [
  /^contact (?:our|the) (?:news ?(?:team|desk|room)|newsroom|editors?)\b/i,
  /\bby emailing us\b/i,
  /^(?:for|find) more (?:stories|news|articles)\b/i,
  /^(?:previous|next|related) (?:article|story|post)\b/i,
  /^(?:share|tweet)(?: this)?(?: (?:article|story|on \w+))?\s*[:!.]?$/i,
  /^(?:click|tap) (?:here )?to share\b/i,
  /^share on (?:facebook|twitter|x|whatsapp|linkedin|email)\b/i,
  /^follow us on\b/i,
  /^(?:sign up|subscribe) (?:for|to) (?:our|the) (?:\w+ )?newsletter\b/i,
  /^advertisement$/i,
];

const isBoilerplate = (line: string) => BOILERPLATE.some((pattern) => pattern.test(line));

/** A line that reads like a headline: short, one line, no final full stop, not a caption. */
function isHeadlineLike(block: string): boolean {
  if (block.includes("\n") || CAPTION.test(block)) return false;
  const words = block.split(" ").length;
  return words >= 3 && words <= 16 && block.length <= 120 && !/[.!?:;,…]["”’)]?$/.test(block) && !/^["“‘]/.test(block);
}

/** The first sentence of a paragraph, for a story that gives no headline at all. */
function firstSentence(text: string): string {
  const match = /^(.+?[.!?])["”’]?(?:\s|$)/.exec(text);
  return (match?.[1] ?? text).replace(/[.]$/, "");
}

/** Clean the text as it arrives from email and word processors: one kind of line end, no non-breaking or zero-width spaces, no tabs. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u202F\u2007]/g, " ")
    .replace(/[\u200B\u200C\u200D\u2060]/g, "")
    .replace(/[ \t]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n");
}

/**
 * Plain text as stringers and other desks send it, made into a draft:
 * paragraphs separated by blank lines (a line break inside one is a
 * wrapped line), caption lines ending in "(Photo: X)" as photo slots
 * wherever they stand, boilerplate dropped and listed, and a headline by
 * the first rule that finds one — a "Headline:" line, a headline-like line,
 * the first sentence.
 */
export function parsePlainText(input: string): IngestedDraft {
  const blocks: string[] = [];
  const dropped: string[] = [];
  let headline: string | null = null;
  let standfirst = "";
  for (const chunk of normaliseText(input).split(/\n{2,}/)) {
    const lines = chunk.split("\n").filter(Boolean);
    let current: string[] = [];
    const flush = () => {
      if (current.length > 0) blocks.push(current.join(" "));
      current = [];
    };
    for (const line of lines) {
      const headlineLine = HEADLINE_LINE.exec(line);
      const standfirstLine = STANDFIRST_LINE.exec(line);
      if (headlineLine && headline === null) {
        flush();
        headline = headlineLine[1]!.trim();
      } else if (standfirstLine && !standfirst) {
        flush();
        standfirst = standfirstLine[1]!.trim();
      } else if (isBoilerplate(line)) {
        flush();
        dropped.push(line);
      } else if (CAPTION.test(line)) {
        // A caption stands on its own even without blank lines around it.
        flush();
        blocks.push(line);
      } else {
        current.push(line);
      }
    }
    flush();
  }

  let headlineFrom: HeadlineRule = "headline-line";
  if (headline === null) {
    const candidate = blocks.findIndex((block, index) => isHeadlineLike(block) && blocks.slice(index + 1).some((next) => !CAPTION.test(next)));
    if (candidate >= 0) {
      headline = blocks.splice(candidate, 1)[0]!;
      headlineFrom = "candidate-line";
    }
  }
  const content: JSONContent[] = blocks.map((block) => {
    const caption = CAPTION.exec(block);
    return caption ? photoSlot(caption[1]!.trim(), caption[2]!.trim()) : paragraph(block);
  });
  const paragraphs = content.filter((node) => node.type === "paragraph").map((node) => node.content![0]!.text!);
  const firstParagraph = paragraphs[0];
  if (headline === null) {
    if (!firstParagraph) throw new AppError("VALIDATION", "The text holds no story: nothing is left but captions and boilerplate.", { field: "body" });
    // A quote that opens the story is someone's words, not the story's summary.
    headline = firstSentence(paragraphs.find((text) => !/^["“‘]/.test(text)) ?? firstParagraph);
    headlineFrom = "first-sentence";
  }
  if (!firstParagraph && content.length === 0) throw new AppError("VALIDATION", "The text holds no story: only a headline.", { field: "body" });
  return { headline: fitHeadline(headline), headlineFrom, standfirst: standfirst.slice(0, STANDFIRST_MAX), body: { type: "doc", content }, tags: [], byline: null, sourceId: null, dropped };
}
