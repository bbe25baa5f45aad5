import type { JSONContent } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { pruneToSchema } from "./document";
import { articleExtensions } from "./extensions";

/**
 * A stored article body as an HTML string, for copy that leaves the site
 * (the syndication feed's ninjs `bodies`). The same editor extensions and
 * pruning as the reader's renderer (render.tsx), so a partner gets exactly
 * the marks, links and figures readers get; text and attributes are escaped
 * by the renderer. Not render.tsx itself: route handlers run in React's
 * server layer, where react-dom/server cannot be imported, and a partner's
 * page has no use for the reader page's scrolling table regions.
 *
 * Site paths (a figure's `/media/…` image, a link to `/articles/…`) become
 * absolute on `origin`: the HTML is read on someone else's site.
 */
export function renderArticleHtml(stored: unknown, context: string, origin: string): string {
  const { document, dropped } = pruneToSchema(stored);
  if (dropped.length > 0) console.warn(`[content] ${context}: dropped unknown content before rendering: ${dropped.join(", ")}`);
  return renderToHTMLString({ extensions: articleExtensions, content: absolutized(document, origin) });
}

const sitePath = (value: unknown): value is string => typeof value === "string" && value.startsWith("/") && !value.startsWith("//");

function absolutized(node: JSONContent, origin: string): JSONContent {
  const copy: JSONContent = { ...node };
  if (sitePath(node.attrs?.src)) copy.attrs = { ...node.attrs, src: origin + node.attrs.src };
  if (node.marks) copy.marks = node.marks.map((mark) => (sitePath(mark.attrs?.href) ? { ...mark, attrs: { ...mark.attrs, href: origin + mark.attrs.href } } : mark));
  if (node.content) copy.content = node.content.map((child) => absolutized(child, origin));
  return copy;
}
