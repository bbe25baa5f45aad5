import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { AppError } from "@/lib/errors";
import type { ArticleDocument } from "./document";
import { articleExtensions, HEADING_LEVELS } from "./extensions";

const schema = getSchema(articleExtensions);
export const MAX_DOCUMENT_BYTES = 512 * 1024;

/** Links may go to the web, to an email address or to a path on this site. */
const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/))/i;
/** Images only from our own media store. */
const OWN_MEDIA = /^\/media\/images\/[a-f0-9]{32}\/[a-z0-9.]+$/;

const invalid = (message: string) => new AppError("VALIDATION", `body: ${message}`, { field: "body" });

function checkAttributes(kind: string, attrs: Record<string, unknown> | undefined, allowed: Record<string, unknown>) {
  for (const key of Object.keys(attrs ?? {})) {
    if (!(key in allowed)) throw invalid(`${kind} does not take the attribute "${key}".`);
  }
}

function checkNode(node: JSONContent): void {
  if (typeof node !== "object" || node === null) throw invalid("malformed content.");
  const type = node.type ? schema.nodes[node.type] : undefined;
  if (!type) throw invalid(`"${String(node.type)}" is not allowed.`);
  checkAttributes(`"${node.type}"`, node.attrs, type.spec.attrs ?? {});
  if (node.type === "heading" && !(HEADING_LEVELS as readonly unknown[]).includes(node.attrs?.level)) {
    throw invalid(`headings are level ${HEADING_LEVELS.join(" or ")}.`);
  }
  if (node.type === "figure" && !OWN_MEDIA.test(String(node.attrs?.src ?? ""))) {
    throw invalid("images must be uploaded to Copydesk.");
  }
  for (const mark of node.marks ?? []) {
    const markType = schema.marks[mark.type];
    if (!markType) throw invalid(`the mark "${mark.type}" is not allowed.`);
    checkAttributes(`the mark "${mark.type}"`, mark.attrs, markType.spec.attrs ?? {});
    if (mark.type === "link" && !SAFE_HREF.test(String(mark.attrs?.href ?? ""))) {
      throw invalid(`the link "${String(mark.attrs?.href)}" is not an http(s), mailto or site link.`);
    }
  }
  node.content?.forEach(checkNode);
}

/**
 * Refuses any body the editor could not have produced: unknown nodes, marks
 * or attributes, links outside http(s)/mailto/site paths, images not from our
 * media store, or a structure the schema forbids. Nothing refused is stored.
 */
export function validateDocument(input: unknown): ArticleDocument {
  if (typeof input !== "object" || input === null || (input as JSONContent).type !== "doc") {
    throw invalid("must be an editor document ({ \"type\": \"doc\", … }).");
  }
  if (Buffer.byteLength(JSON.stringify(input)) > MAX_DOCUMENT_BYTES) {
    throw new AppError("TOO_LARGE", "The article body is too large.", { field: "body" });
  }
  checkNode(input as JSONContent);
  try {
    PMNode.fromJSON(schema, input).check();
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : "does not fit the editor's schema.");
  }
  return input as ArticleDocument;
}

export const EMPTY_DOCUMENT: ArticleDocument = { type: "doc", content: [{ type: "paragraph" }] };
