import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { AppError } from "@/lib/errors";
import type { ArticleDocument } from "./document";
import { articleExtensions, HEADING_LEVELS } from "./extensions";
import { count, DOCUMENT_LIMITS, FIELD_LIMITS, fieldLength, TABLE_LIMITS, textProblem, tooLong } from "./limits";
import { hrefProblem } from "./links";
import { TABLE, TABLE_CELL_TYPES, TABLE_ROW } from "./table";

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

/** Where the parts of a table may stand, and what to call them in a message. */
const TABLE_PARTS: Record<string, { inside: string; name: string; home: string }> = {
  [TABLE_ROW]: { inside: TABLE, name: "a table row", home: "a table" },
  tableCell: { inside: TABLE_ROW, name: "a table cell", home: "a table row" },
  tableHeader: { inside: TABLE_ROW, name: "a table header cell", home: "a table row" },
};

/** A cell's colspan or rowspan: absent is 1, else a whole number within the table caps. */
function spanOf(cell: JSONContent, name: "colspan" | "rowspan", max: number): number {
  const value = cell.attrs?.[name] ?? 1;
  if (!Number.isInteger(value) || value < 1 || value > max) throw invalid(`a table cell's ${name} must be a whole number from 1 to ${max}; it is ${JSON.stringify(value)}.`);
  return value as number;
}

/**
 * A table readers can read: rows of cells only, within TABLE_LIMITS, and a
 * grid — every row as wide as the first once spans are counted, no cell
 * overlapping another, no span past the last row. (The editor keeps its
 * tables so; a ragged table from elsewhere is refused, naming the row.)
 * Linear: the cells once, a column array no wider than the cap.
 */
function checkTable(table: JSONContent) {
  const { maxRows, maxColumns, maxCells } = TABLE_LIMITS;
  const rows = table.content ?? [];
  if (rows.length === 0) throw invalid("a table needs at least one row.");
  if (rows.length > maxRows) throw invalid(`a table has ${count(rows.length)} rows; at most ${count(maxRows)} are taken.`);
  // For each column, how many more rows (this one included) a cell from above still covers.
  const covered: number[] = [];
  let cells = 0;
  let width: number | null = null;
  rows.forEach((row, index) => {
    const at = `row ${index + 1} of a table`;
    if (row?.type !== TABLE_ROW) throw invalid(`a table holds rows only, not "${String(row?.type)}".`);
    const own = row.content ?? [];
    if (own.length === 0) throw invalid(`${at} has no cells; every row needs at least one.`);
    cells += own.length;
    if (cells > maxCells) throw invalid(`a table has more than ${count(maxCells)} cells; at most ${count(maxCells)} are taken.`);
    let column = 0;
    for (const cell of own) {
      if (!(TABLE_CELL_TYPES as readonly unknown[]).includes(cell?.type)) throw invalid(`a table row holds cells only (tableCell, tableHeader), not "${String(cell?.type)}".`);
      const colspan = spanOf(cell, "colspan", maxColumns);
      const rowspan = spanOf(cell, "rowspan", maxRows);
      while ((covered[column] ?? 0) > 0) column += 1;
      if (column + colspan > maxColumns) throw invalid(`${at} is more than ${maxColumns} columns wide; at most ${maxColumns} are taken.`);
      for (let next = column; next < column + colspan; next += 1) {
        if ((covered[next] ?? 0) > 0) throw invalid(`in ${at} a cell overlaps one spanning down from the row above.`);
        covered[next] = rowspan;
      }
      column += colspan;
    }
    const filled = covered.filter((rowsLeft) => rowsLeft > 0).length;
    const reach = covered.findLastIndex((rowsLeft) => rowsLeft > 0) + 1;
    width ??= reach;
    if (filled !== reach || reach !== width) {
      throw invalid(`${at} is ${filled} column${filled === 1 ? "" : "s"} wide and the first row ${width}; every row must be as wide as the first (add or remove cells).`);
    }
    for (let next = 0; next < covered.length; next += 1) if (covered[next]! > 0) covered[next]! -= 1;
  });
  if (covered.some((rowsLeft) => rowsLeft > 0)) throw invalid("a table cell spans down past the table's last row.");
}

/** What is wrong with a table's grid or size (checkTable's words, without "body: "), or null: for converters that fit a table or fall back to text. */
export function tableProblem(table: JSONContent): string | null {
  try {
    checkTable(table);
    return null;
  } catch (error) {
    return error instanceof AppError ? error.message.replace(/^body: /, "") : String(error);
  }
}

/** A photo's texts within the same limits as the hero's (FIELD_LIMITS), so the editor's counters and the save agree. */
const FIGURE_TEXTS = [
  ["alt", "alt text"],
  ["caption", "caption"],
  ["credit", "credit"],
] as const;
function checkFigureTexts(attrs: Record<string, unknown>) {
  for (const [key, words] of FIGURE_TEXTS) {
    const length = fieldLength(String(attrs[key] ?? ""));
    if (length > FIELD_LIMITS[key]) {
      throw new AppError("VALIDATION", `body: a photo's ${words} ${tooLong(FIELD_LIMITS[key], length)}.`, { field: "body", photoText: true });
    }
  }
}

/**
 * The body with every photo text past its limit left empty, so a save can
 * keep the rest of the body (the text stays on the person's device, flagged).
 * Only for a body whose shape already passed (the refusal said `photoText`).
 */
export function withoutOverlongPhotoTexts(node: JSONContent): JSONContent {
  const attrs = node.type === "figure" && node.attrs ? { ...node.attrs } : node.attrs;
  if (node.type === "figure" && attrs) {
    for (const [key] of FIGURE_TEXTS) if (fieldLength(String(attrs[key] ?? "")) > FIELD_LIMITS[key]) attrs[key] = "";
  }
  return { ...node, ...(attrs && { attrs }), ...(node.content && { content: node.content.map(withoutOverlongPhotoTexts) }) };
}

/** A photo's focal point: both fractions of the photo (0 to 1 from its top left), or neither. */
function checkFigureFocus(attrs: Record<string, unknown>) {
  const { focusX, focusY } = attrs;
  if ((focusX ?? null) === null && (focusY ?? null) === null) return;
  const fraction = (value: unknown) => typeof value === "number" && value >= 0 && value <= 1;
  if (!fraction(focusX) || !fraction(focusY)) {
    throw invalid(`a photo's focal point (focusX, focusY) must be two numbers between 0 and 1, or none; it is ${JSON.stringify([focusX ?? null, focusY ?? null])}.`);
  }
}

/** Checks a node and everything in it; bad links are collected so one refusal can name them all. */
function checkNode(node: JSONContent, badLinks: string[], parent?: string): void {
  if (typeof node !== "object" || node === null) throw invalid("malformed content.");
  const type = node.type ? schema.nodes[node.type] : undefined;
  if (!type) throw invalid(`"${String(node.type)}" is not allowed.`);
  checkAttributes(`"${node.type}"`, node.attrs, type.spec.attrs ?? {});
  const part = TABLE_PARTS[type.name];
  if (part && parent !== part.inside) throw invalid(`${part.name} ("${type.name}") must be inside ${part.home}.`);
  if (type.name === TABLE) checkTable(node);
  if (node.type === "heading" && !(HEADING_LEVELS as readonly unknown[]).includes(node.attrs?.level)) {
    throw invalid(`headings are level ${HEADING_LEVELS.join(" or ")}.`);
  }
  // An empty source is a photo slot (ingested copy's caption, image to come): publishing waits for it.
  if (node.type === "figure" && node.attrs?.src !== "" && !OWN_MEDIA.test(String(node.attrs?.src ?? ""))) {
    throw invalid("images must be uploaded to Copydesk.");
  }
  if (node.type === "figure") checkFigureTexts(node.attrs ?? {});
  // Strictly a yes or no: "false" as text is truthy and would silence the alt text check.
  if (node.type === "figure" && node.attrs?.decorative !== undefined && typeof node.attrs.decorative !== "boolean") {
    throw invalid(`a photo's "decorative" must be true or false; it is ${JSON.stringify(node.attrs.decorative)}.`);
  }
  if (node.type === "figure") checkFigureFocus(node.attrs ?? {});
  for (const mark of node.marks ?? []) {
    const markType = schema.marks[mark.type];
    if (!markType) throw invalid(`the mark "${mark.type}" is not allowed.`);
    checkAttributes(`the mark "${mark.type}"`, mark.attrs, markType.spec.attrs ?? {});
    if (mark.type === "link" && hrefProblem(String(mark.attrs?.href ?? ""))) badLinks.push(String(mark.attrs?.href ?? ""));
  }
  node.content?.forEach((child) => checkNode(child, badLinks, type.name));
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
