import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { AppError } from "@/lib/errors";
import type { ArticleDocument } from "./document";
import { articleExtensions, HEADING_LEVELS } from "./extensions";
import { count, DOCUMENT_LIMITS, textProblem } from "./limits";
import { hrefProblem } from "./links";

const schema = getSchema(articleExtensions);
export const MAX_DOCUMENT_BYTES = DOCUMENT_LIMITS.maxBytes;

/** Images only from our own media store. */
const OWN_MEDIA = /^\/media\/images\/[a-f0-9]{32}\/[a-z0-9.]+$/;

const invalid = (message: string) => new AppError("VALIDATION", `body: ${message}`, { field: "body" });

function checkAttributes(kind: string, attrs: Record<string, unknown> | undefined, allowed: Record<string, unknown>) {
  for (const key of Object.keys(attrs ?? {})) {
    if (!(key in allowed)) throw invalid(`${kind} does not take the attribute "${key}".`);
  }
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** What the editor writes on a node and on a mark (ProseMirror's toJSON); anything else could hide more nesting. */
const NODE_FIELDS = new Set(["type", "attrs", "content", "marks", "text"]);
const MARK_FIELDS = new Set(["type", "attrs"]);
/** Each mark at most once on a text: more is never the editor's, and ProseMirror's own check of a long list is quadratic. */
const MAX_MARKS = Object.keys(schema.marks).length;

function checkFields(what: string, value: Json, allowed: Set<string>) {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key) && value[key] !== undefined) throw invalid(`${what} has the unknown field "${key}".`);
  }
}

/** Attribute values are plain (text, numbers, yes/no, nothing), and text in them is storable. */
function checkAttributeValues(what: string, attrs: unknown) {
  if (attrs === undefined) return;
  if (!isRecord(attrs)) throw invalid(`${what} has malformed attributes.`);
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) throw invalid(`${what}'s "${key}" ${problem}.`);
    } else if (value !== null && value !== undefined && typeof value !== "number" && typeof value !== "boolean") {
      throw invalid(`${what}'s "${key}" must be text, a number or null.`);
    }
  }
}

/**
 * The body's shape, walked with a stack of our own before anything
 * recursive touches it (JSON.stringify, the checks below, ProseMirror, the
 * renderer, word counts): depth and node count within DOCUMENT_LIMITS, no
 * fields the editor does not write, plain attribute values, and text that
 * PostgreSQL and XML can hold. Linear in the input, and stops at the cap.
 */
function checkShape(root: Json) {
  const { maxDepth, maxNodes } = DOCUMENT_LIMITS;
  const pending: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  let seen = 0;
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (depth > maxDepth) throw invalid(`nests deeper than ${maxDepth} levels (quotes and lists inside each other); at most ${maxDepth} are taken.`);
    if (!isRecord(node) || typeof node.type !== "string") throw invalid("malformed content.");
    const what = `"${node.type}"`;
    checkFields(what, node, NODE_FIELDS);
    checkAttributeValues(what, node.attrs);
    if (node.text !== undefined) {
      if (typeof node.text !== "string") throw invalid(`${what} has malformed text.`);
      const problem = textProblem(node.text);
      if (problem) throw invalid(`the text "${excerpt(node.text)}" ${problem}.`);
    }
    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks)) throw invalid(`${what} has malformed marks.`);
      if (node.marks.length > MAX_MARKS) throw invalid(`a text carries ${count(node.marks.length)} marks; each of ${Object.keys(schema.marks).join(", ")} is taken once.`);
      for (const mark of node.marks) {
        if (!isRecord(mark) || typeof mark.type !== "string") throw invalid("malformed mark.");
        checkFields(`the mark "${mark.type}"`, mark, MARK_FIELDS);
        checkAttributeValues(`the mark "${mark.type}"`, mark.attrs);
      }
    }
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) throw invalid(`${what} has malformed content.`);
      seen += node.content.length;
      if (seen + 1 > maxNodes) throw invalid(`has more than ${count(maxNodes)} nodes (paragraphs, text runs, line breaks); at most ${count(maxNodes)} are taken.`);
      for (let index = node.content.length - 1; index >= 0; index -= 1) pending.push({ node: node.content[index], depth: depth + 1 });
    }
  }
}

/** A few words of a text for a message, control characters shown as code points. */
const excerpt = (text: string) => {
  const shown = text.slice(0, 40).replace(/[\u0000-\u001F\uD800-\uDFFF]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return text.length > 40 ? `${shown}…` : shown;
};

/** Checks a node and everything in it; bad links are collected so one refusal can name them all. */
function checkNode(node: JSONContent, badLinks: string[]): void {
  if (typeof node !== "object" || node === null) throw invalid("malformed content.");
  const type = node.type ? schema.nodes[node.type] : undefined;
  if (!type) throw invalid(`"${String(node.type)}" is not allowed.`);
  checkAttributes(`"${node.type}"`, node.attrs, type.spec.attrs ?? {});
  if (node.type === "heading" && !(HEADING_LEVELS as readonly unknown[]).includes(node.attrs?.level)) {
    throw invalid(`headings are level ${HEADING_LEVELS.join(" or ")}.`);
  }
  // An empty source is a photo slot (ingested copy's caption, image to come): publishing waits for it.
  if (node.type === "figure" && node.attrs?.src !== "" && !OWN_MEDIA.test(String(node.attrs?.src ?? ""))) {
    throw invalid("images must be uploaded to Copydesk.");
  }
  for (const mark of node.marks ?? []) {
    const markType = schema.marks[mark.type];
    if (!markType) throw invalid(`the mark "${mark.type}" is not allowed.`);
    checkAttributes(`the mark "${mark.type}"`, mark.attrs, markType.spec.attrs ?? {});
    if (mark.type === "link" && hrefProblem(String(mark.attrs?.href ?? ""))) badLinks.push(String(mark.attrs?.href ?? ""));
  }
  node.content?.forEach((child) => checkNode(child, badLinks));
}

/**
 * Refuses any body the editor could not have produced: unknown nodes, marks
 * or attributes, links the link rule (./links.ts) does not allow — all of
 * them named at once — images not from our
 * media store, or a structure the schema forbids; and any body past the
 * caps of ./limits.ts (depth, nodes, bytes) or with text PostgreSQL cannot
 * store (a NUL, a lone surrogate), before the work grows. Nothing refused is stored.
 */
export function validateDocument(input: unknown): ArticleDocument {
  if (typeof input !== "object" || input === null || (input as JSONContent).type !== "doc") {
    throw invalid("must be an editor document ({ \"type\": \"doc\", … }).");
  }
  checkShape(input as Json);
  if (Buffer.byteLength(JSON.stringify(input)) > MAX_DOCUMENT_BYTES) {
    throw new AppError("TOO_LARGE", "The article body is too large.", { field: "body" });
  }
  const badLinks: string[] = [];
  checkNode(input as JSONContent, badLinks);
  if (badLinks.length > 0) {
    const distinct = [...new Set(badLinks)];
    const byReason = new Map<string, string[]>();
    for (const href of distinct) {
      const reason = hrefProblem(href) ?? "";
      byReason.set(reason, [...(byReason.get(reason) ?? []), href]);
    }
    // JSON.stringify shows a tab or newline inside a link as \t or \n rather than as invisible spacing.
    const list = [...byReason].map(([reason, hrefs]) => `${reason}: ${hrefs.map((href) => JSON.stringify(href)).join(", ")}`).join("; ");
    throw new AppError("VALIDATION", `body: ${distinct.length === 1 ? "this link is not allowed" : "these links are not allowed"} — ${list}.`, { field: "body", badLinks: distinct });
  }
  try {
    PMNode.fromJSON(schema, input).check();
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : "does not fit the editor's schema.");
  }
  return input as ArticleDocument;
}

export const EMPTY_DOCUMENT: ArticleDocument = { type: "doc", content: [{ type: "paragraph" }] };
