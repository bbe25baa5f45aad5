import type { JSONContent } from "@tiptap/core";
import { AppError } from "@/lib/errors";
import { fitHeadline, paragraph, photoSlot, STANDFIRST_MAX, type IngestedDraft } from "./draft";
import { embargoOutcome, readEmbargoField, type EmbargoContext, type EmbargoOutcome } from "./embargo";
import { htmlToDocument } from "./html";
import { decodeEntities, lettersOf, looksLikeMarkup, normaliseText, sameWords } from "./plain-text";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === "string" ? value.trim() : "");
const invalid = (message: string) => new AppError("VALIDATION", `Not a ninjs item: ${message}`, { field: "ninjs" });

/**
 * One object's fields by their lower-case names. ninjs 3.x spells every
 * field in camelCase (`contentType`, `copyrightHolder`, `versionCreated`)
 * where 1.x and 2.x spelled them in lower case (`contenttype`); the names
 * are otherwise the same, so reading them case-blind reads every version.
 */
function fields(object: Json): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const [key, value] of Object.entries(object)) if (!map.has(key.toLowerCase())) map.set(key.toLowerCase(), value);
  return map;
}

/** A headline, description or body as it came: its text, what it says it is, and its role (or 1.x suffix). */
interface Text {
  value: string;
  role: string;
  /** the declared media type, or the one a 1.x field name implies ("body_xhtml"); "" when nothing says */
  contentType: string;
}

const MARKUP_SUFFIX = /(?:^|_)(?:html|xhtml|richtext|nitf|xml)(?:_|$)/;
const PLAIN_SUFFIX = /(?:^|_)text(?:_|$)/;

/**
 * Every text of one kind an item carries, from every ninjs version:
 * 2.x/3.x arrays (`headlines`, `descriptions`, `bodies`: role,
 * contenttype/contentType, value), and 1.x single fields — `headline`,
 * `body_text`, `body_html` — and their `<kind>_<role or format>` family
 * (`headline_main`, `body_main`, `body_richtext`, `body_xhtml`,
 * `description_caption_xhtml`), whose suffix says the format and/or the
 * purpose.
 */
function textsOf(item: Map<string, unknown>, kind: "headline" | "description" | "body"): Text[] {
  const plural = { headline: "headlines", description: "descriptions", body: "bodies" }[kind];
  const texts: Text[] = [];
  const list = item.get(plural);
  if (Array.isArray(list)) {
    for (const entry of list.filter(isObject).map(fields)) {
      const value = text(entry.get("value"));
      if (value) texts.push({ value, role: text(entry.get("role")).toLowerCase(), contentType: text(entry.get("contenttype")).toLowerCase() });
    }
  }
  if (text(item.get(kind))) texts.push({ value: text(item.get(kind)), role: "", contentType: "" });
  for (const [key, raw] of item) {
    if (!key.startsWith(`${kind}_`) || !text(raw)) continue;
    const suffix = key.slice(kind.length + 1);
    const contentType = MARKUP_SUFFIX.test(suffix) ? (suffix.includes("nitf") ? "text/vnd.iptc.nitf+xml" : "text/html") : PLAIN_SUFFIX.test(suffix) ? "text/plain" : "";
    // What is left of the suffix once its format is taken off is the role: "caption_xhtml" → "caption", "text" → none.
    texts.push({ value: text(raw), role: suffix.replace(MARKUP_SUFFIX, "_").replace(PLAIN_SUFFIX, "_").replace(/^_+|_+$/g, ""), contentType });
  }
  return texts;
}

const isHtml = (entry: Text) => /html/.test(entry.contentType);
const isPlain = (entry: Text) => entry.contentType.startsWith("text/plain");

/** The first text whose role is one of these, in the order given ("" is a text with no role). */
const byRole = (texts: Text[], roles: string[]) => roles.map((role) => texts.find((entry) => entry.role === role)).find(Boolean);

/** Associations: an array of named items in ninjs 2.x and 3.x, an object keyed by name in 1.x. */
const associationsOf = (item: Map<string, unknown>): Map<string, unknown>[] => {
  const associations = item.get("associations");
  const list = Array.isArray(associations) ? associations : isObject(associations) ? Object.values(associations) : [];
  return list.filter(isObject).map(fields);
};

const bylineOf = (item: Map<string, unknown>) => text(item.get("by")) || text(item.get("byline")) || null;

/** Subjects (2.x, 3.x) or subject (1.x), by name, as tags. */
function tagsOf(item: Map<string, unknown>): string[] {
  const subjects = [item.get("subjects"), item.get("subject")].find(Array.isArray) as unknown[] | undefined;
  const names = (subjects ?? []).map((subject) => (isObject(subject) ? text(fields(subject).get("name")) : text(subject))).filter(Boolean);
  return [...new Set(names.map((name) => name.slice(0, 60)))].slice(0, 20);
}

/**
 * The body to take when an item carries several: markup an HTML converter
 * can read first (it keeps paragraphs, quotes and links), then plain text,
 * then anything else (NITF and other XML go through the same whitelist,
 * so at worst they lose structure, never show tags).
 */
function chooseBody(bodies: Text[]): Text | undefined {
  const rank = (entry: Text) => (isHtml(entry) ? 0 : isPlain(entry) || (!entry.contentType && !looksLikeMarkup(entry.value)) ? 1 : 2);
  return [...bodies].sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * Plain agency text as paragraphs. Blank lines part paragraphs when the
 * text has any (a single line break is then a wrapped line); an agency
 * text with none puts one paragraph on each line (TT, NTB).
 */
function plainParagraphs(value: string): string[] {
  const clean = normaliseText(decodeEntities(value)).trim();
  const blocks = /\n\s*\n/.test(clean) ? clean.split(/\n{2,}/).map((block) => block.replace(/\n/g, " ")) : clean.split("\n");
  return blocks.map((block) => block.replace(/\s+/g, " ").trim()).filter(Boolean);
}

/**
 * A body as our document. Whatever it says it is, a body that holds markup
 * goes through the whitelist converter — markup is never kept as
 * characters — and one that holds none is read as paragraphs of text.
 */
function bodyDocument(body: Text): { content: JSONContent[]; dropped: string[] } {
  if (isHtml(body) || looksLikeMarkup(body.value)) {
    const { document, dropped } = htmlToDocument(body.value);
    return { content: document.content ?? [], dropped };
  }
  return { content: plainParagraphs(body.value).map(paragraph), dropped: [] };
}

const blockText = (node: JSONContent): string => (node.text ?? "") + (node.content ?? []).map(blockText).join("");

/** Whether a block is nothing but some of these texts run together (TT's `<figure>`: the photographer's credit glued to the caption). */
function madeOf(block: string, texts: string[]): boolean {
  let rest = lettersOf(block);
  const parts = texts.map(lettersOf).filter(Boolean);
  if (!rest || parts.length === 0) return false;
  for (let found = true; rest && found; ) {
    const part = parts.find((candidate) => rest.startsWith(candidate));
    found = part !== undefined;
    if (part) rest = rest.slice(part.length);
  }
  return rest.length === 0;
}

/**
 * What agencies put in an HTML body besides the story, taken out and
 * listed: the headline again (TT's `<h1>`, NITF's `<hl1>`), a label glued
 * from spans ahead of the first paragraph (TT's section and source,
 * "FörsvarTT"), the byline, and a picture's caption and credit repeated
 * where the `<figure>` stood — the picture itself is a photo slot already.
 */
function withoutFurniture(content: JSONContent[], headline: string, byline: string | null, pictureTexts: string[]): { content: JSONContent[]; dropped: string[] } {
  const dropped: string[] = [];
  const kept: JSONContent[] = [];
  let storyBegun = false;
  for (const node of content) {
    const words = blockText(node).replace(/\s+/g, " ").trim();
    const isText = node.type === "paragraph" || node.type === "heading";
    const repeats = isText && (sameWords(words, headline) || (byline !== null && sameWords(words, byline)) || madeOf(words, pictureTexts));
    // A label: one or two words, no punctuation or digits — never a dateline ("BERLIN (dpa) -") or a sentence.
    const label = !storyBegun && node.type === "paragraph" && words.split(" ").length <= 2 && !/[\p{P}\p{N}]/u.test(words);
    if (repeats || label) {
      if (words) dropped.push(words);
      continue;
    }
    if (isText && words) storyBegun = true;
    kept.push(node);
  }
  return { content: kept, dropped };
}

/**
 * An IPTC ninjs item, any published version (1.0–1.6, 2.0–2.2, 3.0–3.1),
 * as a draft: headline, standfirst from a summary or lead, byline, the body
 * (markup through the whitelist converter, text as paragraphs), each
 * picture association as a photo slot with its caption and credit,
 * subjects as tags, the `uri` as the source id, and `embargoed` as the
 * draft's embargo (./embargo.ts: a time without an offset is in the
 * newsroom's zone; one passed or unreadable is not set, and the notes say so).
 */
export function parseNinjs(input: unknown, context: EmbargoContext = { zone: "UTC", now: new Date() }): IngestedDraft {
  if (!isObject(input)) throw invalid("send one JSON object.");
  const item = fields(input);
  const uri = text(item.get("uri"));
  if (!uri) throw invalid("it has no uri (its id at the agency).");
  if (uri.length > 500) throw invalid("its uri is longer than 500 characters.");
  const type = item.get("type");
  if (type !== undefined && !["text", "composite"].includes(String(type))) throw invalid(`its type is "${String(type)}"; only text items become stories.`);

  const headlines = textsOf(item, "headline");
  const headlineText = byRole(headlines, ["main", "", "simple", "text"]) ?? headlines[0];
  if (!headlineText) throw invalid("it has no headline.");
  const headline = fitHeadline(snippetText(headlineText.value, "headline"));

  const descriptions = textsOf(item, "description");
  // A summary or lead is the standfirst; "text", "caption" and "creditline" descriptions are not (TT's "text" is the body's opening, cut short).
  const summary = byRole(descriptions, ["summary", "lead", "abstract", "teaser", "standfirst", "main", ""]);
  const standfirst = summary ? snippetText(summary.value, "standfirst") : "";

  const pictures = associationsOf(item)
    .filter((association) => association.get("type") === "picture")
    .map((picture) => {
      const captions = textsOf(picture, "description");
      const caption = snippetText((byRole(captions, ["caption", "summary", "", "text", "main"]) ?? captions.find((entry) => entry.role !== "creditline"))?.value ?? textsOf(picture, "headline")[0]?.value ?? "", "caption");
      const credit = bylineOf(picture) ?? (byRole(captions, ["creditline"])?.value || text(picture.get("copyrightholder")) || text(picture.get("creditline")));
      return { slot: photoSlot(caption, credit), texts: [caption, credit].filter(Boolean) };
    });

  const byline = bylineOf(item);
  const body = chooseBody(textsOf(item, "body"));
  let converted = body ? bodyDocument(body) : { content: [], dropped: [] };
  // A text item with no body at all (NTB sends its short items so) is told in its "text" description.
  const told = !body && byRole(descriptions, ["text", "body"]);
  if (told) converted = { content: plainParagraphs(told.value).map(paragraph), dropped: [] };
  const cleaned = withoutFurniture(converted.content, headline, byline, pictures.flatMap((picture) => picture.texts));
  if (cleaned.content.length === 0 && pictures.length === 0) throw invalid("it has no body.");
  const embargoed = item.get("embargoed");
  const embargo: EmbargoOutcome | null =
    embargoed === undefined || embargoed === null || embargoed === "" ? null : embargoOutcome(`embargoed: ${typeof embargoed === "string" ? embargoed : JSON.stringify(embargoed)}`, readEmbargoField(embargoed, context.zone), context);
  return {
    headline,
    headlineFrom: "ninjs",
    standfirst: told && sameWords(standfirst, told.value) ? "" : standfirst.slice(0, STANDFIRST_MAX),
    body: { type: "doc", content: [...pictures.map((picture) => picture.slot), ...cleaned.content] },
    tags: tagsOf(item),
    byline,
    sourceId: uri,
    dropped: [...converted.dropped, ...cleaned.dropped],
    embargoUntil: embargo?.embargoUntil ?? null,
    notes: embargo ? [embargo.note] : [],
  };
}

/** The text of a snippet that may hold markup or entities (a headline, description or caption). */
function snippetText(value: string, field: string): string {
  if (!looksLikeMarkup(value)) return decodeEntities(value).replace(/\s+/g, " ").trim();
  const { document } = htmlToDocument(value, { field });
  const words: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.text) words.push(node.text);
    node.content?.forEach(walk);
  };
  walk(document);
  return words.join(" ").replace(/\s+/g, " ").trim();
}
