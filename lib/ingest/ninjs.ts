import type { JSONContent } from "@tiptap/core";
import { AppError } from "@/lib/errors";
import { fitHeadline, paragraph, photoSlot, STANDFIRST_MAX, type IngestedDraft } from "./draft";
import { htmlToDocument } from "./html";
import { normaliseText } from "./plain-text";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === "string" ? value.trim() : "");
const invalid = (message: string) => new AppError("VALIDATION", `Not a ninjs item: ${message}`, { field: "ninjs" });

/** ninjs 2.x keeps several headlines, descriptions and bodies, each with a role; 1.x had single fields. */
function pick(item: Json, plural: string, singular: string[], preferredRoles: string[], contentType?: string): { value: string; contentType: string } | null {
  const entries = Array.isArray(item[plural]) ? (item[plural] as unknown[]).filter(isObject) : [];
  const usable = entries.filter((entry) => text(entry.value) && (!contentType || !entry.contenttype || String(entry.contenttype).startsWith(contentType)));
  const chosen = usable.find((entry) => preferredRoles.includes(text(entry.role))) ?? usable.find((entry) => !entry.role) ?? usable[0];
  if (chosen) return { value: text(chosen.value), contentType: text(chosen.contenttype) || "text/plain" };
  for (const field of singular) if (text(item[field])) return { value: text(item[field]), contentType: field.endsWith("_html") ? "text/html" : "text/plain" };
  return null;
}

/** Associations: an array of named items in ninjs 2.x, an object keyed by name in 1.x. */
const associationsOf = (item: Json): Json[] => {
  const associations = item.associations;
  if (Array.isArray(associations)) return associations.filter(isObject);
  if (isObject(associations)) return Object.values(associations).filter(isObject);
  return [];
};

const bylineOf = (item: Json) => text(item.by) || text(item.byline) || null;

/** Subjects (2.x) or subject (1.x), by name, as tags. */
function tagsOf(item: Json): string[] {
  const subjects = [item.subjects, item.subject].find(Array.isArray) as unknown[] | undefined;
  const names = (subjects ?? []).map((subject) => (isObject(subject) ? text(subject.name) : text(subject))).filter(Boolean);
  return [...new Set(names.map((name) => name.slice(0, 60)))].slice(0, 20);
}

function bodyOf(item: Json): { content: JSONContent[]; dropped: string[] } {
  const body = pick(item, "bodies", ["body_html", "body_text"], ["main", ""], undefined);
  if (!body) return { content: [], dropped: [] };
  if (body.contentType.includes("html")) {
    const { document, dropped } = htmlToDocument(body.value);
    return { content: document.content ?? [], dropped };
  }
  return { content: normaliseText(body.value).split(/\n{2,}/).map((block) => block.replace(/\n/g, " ").trim()).filter(Boolean).map(paragraph), dropped: [] };
}

/**
 * An IPTC ninjs item (2.x, with 1.x field names understood too) as a draft:
 * headline, standfirst from the description, byline, the HTML body through
 * the whitelist converter, each picture association as a photo slot with
 * its caption and credit, subjects as tags, and the `uri` as the source id.
 */
export function parseNinjs(input: unknown): IngestedDraft {
  if (!isObject(input)) throw invalid("send one JSON object.");
  const uri = text(input.uri);
  if (!uri) throw invalid("it has no uri (its id at the agency).");
  if (uri.length > 500) throw invalid("its uri is longer than 500 characters.");
  if (input.type !== undefined && !["text", "composite"].includes(String(input.type))) throw invalid(`its type is "${String(input.type)}"; only text items become stories.`);
  const headline = pick(input, "headlines", ["headline"], ["main", ""]);
  if (!headline) throw invalid("it has no headline.");
  const description = pick(input, "descriptions", ["description_text", "description_html"], ["summary", "main", ""]);
  const standfirst = description ? (description.contentType.includes("html") ? htmlText(description.value) : description.value) : "";

  const pictures = associationsOf(input)
    .filter((association) => association.type === "picture")
    .map((picture) => {
      const caption = pick(picture, "descriptions", ["description_text", "body_text"], ["caption", "summary", ""])?.value ?? pick(picture, "headlines", ["headline"], [""])?.value ?? "";
      const credit = bylineOf(picture) ?? (text(picture.copyrightholder) || text(picture.creditline));
      return photoSlot(caption, credit);
    });
  const { content, dropped } = bodyOf(input);
  if (content.length === 0 && pictures.length === 0) throw invalid("it has no body.");
  return {
    headline: fitHeadline(htmlText(headline.value)),
    headlineFrom: "ninjs",
    standfirst: standfirst.replace(/\s+/g, " ").slice(0, STANDFIRST_MAX),
    body: { type: "doc", content: [...pictures, ...content] },
    tags: tagsOf(input),
    byline: bylineOf(input),
    sourceId: uri,
    dropped,
  };
}

/** The text of a snippet that may hold markup (a headline or description sent as HTML). */
function htmlText(value: string): string {
  const { document } = htmlToDocument(value);
  const words: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.text) words.push(node.text);
    node.content?.forEach(walk);
  };
  walk(document);
  return words.join(" ").replace(/\s+/g, " ").trim();
}
