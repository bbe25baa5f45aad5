import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { AppError } from "@/lib/errors";
import type { ArticleDocument } from "./document";
import { articleExtensions, HEADING_LEVELS } from "./extensions";
import { isAllowedHref } from "./links";

const schema = getSchema(articleExtensions);
export const MAX_DOCUMENT_BYTES = 512 * 1024;

/** Images only from our own media store. */
const OWN_MEDIA = /^\/media\/images\/[a-f0-9]{32}\/[a-z0-9.]+$/;

const invalid = (message: string) => new AppError("VALIDATION", `body: ${message}`, { field: "body" });

function checkAttributes(kind: string, attrs: Record<string, unknown> | undefined, allowed: Record<string, unknown>) {
  for (const key of Object.keys(attrs ?? {})) {
    if (!(key in allowed)) throw invalid(`${kind} does not take the attribute "${key}".`);
  }
}

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
    if (mark.type === "link" && !isAllowedHref(String(mark.attrs?.href ?? ""))) badLinks.push(String(mark.attrs?.href));
  }
  node.content?.forEach((child) => checkNode(child, badLinks));
}

/**
 * Refuses any body the editor could not have produced: unknown nodes, marks
 * or attributes, links the link rule (./links.ts) does not allow — all of
 * them named at once — images not from our
 * media store, or a structure the schema forbids. Nothing refused is stored.
 */
export function validateDocument(input: unknown): ArticleDocument {
  if (typeof input !== "object" || input === null || (input as JSONContent).type !== "doc") {
    throw invalid("must be an editor document ({ \"type\": \"doc\", … }).");
  }
  if (Buffer.byteLength(JSON.stringify(input)) > MAX_DOCUMENT_BYTES) {
    throw new AppError("TOO_LARGE", "The article body is too large.", { field: "body" });
  }
  const badLinks: string[] = [];
  checkNode(input as JSONContent, badLinks);
  if (badLinks.length > 0) {
    const list = [...new Set(badLinks)].map((href) => `"${href}"`).join(", ");
    throw new AppError("VALIDATION", `body: ${badLinks.length === 1 ? "this link is" : "these links are"} not a web (http, https), email, phone or site link: ${list}.`, { field: "body", badLinks: [...new Set(badLinks)] });
  }
  try {
    PMNode.fromJSON(schema, input).check();
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : "does not fit the editor's schema.");
  }
  return input as ArticleDocument;
}

export const EMPTY_DOCUMENT: ArticleDocument = { type: "doc", content: [{ type: "paragraph" }] };
