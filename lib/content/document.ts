import { getSchema, type JSONContent } from "@tiptap/core";
import { articleExtensions } from "./extensions";
import { DOCUMENT_LIMITS } from "./limits";

export type ArticleDocument = JSONContent & { type: "doc" };

const schema = getSchema(articleExtensions);

export interface PruneResult {
  document: ArticleDocument;
  dropped: string[];
}

/**
 * Removes node and mark types the editor's schema does not know, so a stored
 * document that no longer fits (old data, a direct database edit) still
 * renders instead of failing the page. What was dropped is reported so the
 * caller can log it. Nodes nested deeper than a saved body may be
 * (DOCUMENT_LIMITS.maxDepth) are dropped too, so nothing recursive after
 * this — the renderer, word counts — can run out of stack on one.
 */
export function pruneToSchema(input: unknown): PruneResult {
  const dropped: string[] = [];
  const visit = (node: JSONContent, depth: number): JSONContent | null => {
    if (depth > DOCUMENT_LIMITS.maxDepth) {
      const tooDeep = `content nested deeper than ${DOCUMENT_LIMITS.maxDepth} levels`;
      if (!dropped.includes(tooDeep)) dropped.push(tooDeep);
      return null;
    }
    if (typeof node !== "object" || node === null || typeof node.type !== "string") {
      dropped.push("malformed node");
      return null;
    }
    if (!(node.type in schema.nodes)) {
      dropped.push(`node:${node.type}`);
      return null;
    }
    const result: JSONContent = { ...node };
    if (Array.isArray(node.marks)) {
      result.marks = node.marks.filter((mark) => {
        const known = typeof mark?.type === "string" && mark.type in schema.marks;
        if (!known) dropped.push(`mark:${String(mark?.type)}`);
        return known;
      });
    }
    if (Array.isArray(node.content)) {
      result.content = node.content.map((child) => visit(child, depth + 1)).filter((child): child is JSONContent => child !== null);
    }
    return result;
  };
  const root = typeof input === "object" && input !== null && (input as JSONContent).type === "doc"
    ? visit(input as JSONContent, 1)
    : null;
  if (root === null) {
    dropped.push("document root");
    return { document: { type: "doc", content: [] }, dropped };
  }
  return { document: root as ArticleDocument, dropped };
}

/** What joins the text of a node's children: a table's cells must not run together ("Phase Dates", not "PhaseDates"). */
const JOINERS: Record<string, string> = { doc: "\n\n", table: "\n", tableRow: "\t", tableCell: " ", tableHeader: " " };

/** The document's plain text, paragraphs separated by blank lines, a table's rows by lines and its cells by tabs (for search, feeds, diffs). */
export function plainText(document: JSONContent): string {
  if (document.type === "text") return document.text ?? "";
  return (document.content ?? []).map(plainText).join(JOINERS[document.type ?? ""] ?? "");
}

/** The photos in the body, one line each: what a reviewer must see change besides the words. */
export function figureLines(document: JSONContent): string[] {
  if (document.type === "figure") {
    const { src, alt, caption, credit } = (document.attrs ?? {}) as Record<string, string>;
    return [`Photo ${src}: ${caption} (Photo: ${credit}) ${document.attrs?.decorative === true ? "[decorative]" : `[alt: ${alt}]`}`];
  }
  return (document.content ?? []).flatMap(figureLines);
}

/**
 * Photos in the body that readers using a screen reader would get nothing
 * from (a slot has no photo yet, so it is counted as a slot). A photo marked
 * decorative is not counted: it carries nothing to describe, and readers get
 * it with an empty alt, which screen readers skip.
 */
export function figuresWithoutAlt(document: JSONContent): number {
  if (document.type === "figure") return document.attrs?.src === "" || document.attrs?.decorative === true || hasVisibleText(String(document.attrs?.alt ?? "")) ? 0 : 1;
  return (document.content ?? []).reduce((count, child) => count + figuresWithoutAlt(child), 0);
}

/** Text a reader would get something from: not only spaces or invisible characters (zero-width, word joiner, BOM). */
export const hasVisibleText = (text: string) => text.replace(/[\s\u200b-\u200d\u2060\ufeff\u00ad]/g, "") !== "";

/** The addresses of the photos in the body. */
export function figureSources(document: JSONContent): string[] {
  if (document.type === "figure") return [String(document.attrs?.src ?? "")];
  return (document.content ?? []).flatMap(figureSources);
}

/** Photo slots: ingested captions waiting for their image. Nothing with one goes to readers. */
export const photoSlots = (document: JSONContent): number => figureSources(document).filter((src) => src === "").length;
