import type { JSONContent } from "@tiptap/core";
import { Parser } from "htmlparser2";
import { count, DOCUMENT_LIMITS, HTML_LIMITS, textProblem } from "@/lib/content/limits";
import { normalizeHref } from "@/lib/content/links";
import { AppError } from "@/lib/errors";

type Mark = { type: "bold" } | { type: "italic" } | { type: "link"; attrs: { href: string } };
type MarkTag = "b" | "strong" | "i" | "em";

const TEXTBLOCKS: Record<string, JSONContent> = {
  p: { type: "paragraph" },
  h1: { type: "heading", attrs: { level: 2 } },
  h2: { type: "heading", attrs: { level: 2 } },
  h3: { type: "heading", attrs: { level: 3 } },
  h4: { type: "heading", attrs: { level: 3 } },
  h5: { type: "heading", attrs: { level: 3 } },
  h6: { type: "heading", attrs: { level: 3 } },
};
const CONTAINERS: Record<string, string> = { blockquote: "blockquote", ul: "bulletList", ol: "orderedList", li: "listItem" };
const MARK_TAGS = new Set<string>(["b", "strong", "i", "em"]);
/** Elements whose content is not the story's text at all. */
const DISCARDED = new Set(["script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "video", "audio", "canvas", "form", "button", "select", "textarea", "head", "title"]);
/** Wrappers that carry nothing of their own: their text is kept, unremarked. */
const TRANSPARENT = new Set(["html", "body", "div", "span", "section", "article", "main", "header", "footer", "aside", "nav", "font", "small", "big", "u", "s", "sub", "sup", "abbr", "cite", "time", "mark", "q", "dfn", "code", "pre", "center", "hgroup"]);

/**
 * An agency's HTML body as our document, built element by element from a
 * whitelist: paragraphs, headings (h1/h2 → level 2, the rest → level 3),
 * quotes, lists, line breaks, bold, italic and links our link rule allows.
 * Anything else is dropped and listed — its text kept where it is text
 * (a table's cells, a div), discarded where it is not (scripts, embeds,
 * images: pictures come from the item's associations). Never stored as
 * HTML: what comes out is checked again by the document validator.
 *
 * The work stays linear in the input and bounded by ../content/limits.ts:
 * bold, italic and a link are a set on each text (a `<b>` inside a `<b>`
 * adds nothing), elements nest at most HTML_LIMITS.maxDepth deep (beyond
 * that even the parser's own stack turns quadratic), the document at most
 * DOCUMENT_LIMITS deep and large. Past a cap, or given text PostgreSQL
 * cannot store (a NUL, a lone surrogate), it refuses with a VALIDATION
 * error naming `field` and the cap; nothing is half-converted.
 */
export function htmlToDocument(html: string, { field = "body" }: { field?: string } = {}): { document: JSONContent; dropped: string[] } {
  const refuse = (reason: string) => new AppError("VALIDATION", `${field}: ${reason}`, { field });
  const problem = textProblem(html);
  if (problem) throw refuse(`the HTML ${problem}.`);

  const dropped = new Set<string>();
  const beyondCap = new Set<string>();
  const drop = (what: string) => (dropped.size < HTML_LIMITS.maxDropped || dropped.has(what) ? dropped : beyondCap).add(what);
  const root: JSONContent = { type: "doc", content: [] };
  const containers: JSONContent[] = [root];
  let textblock: JSONContent | null = null;
  let discarding = 0;
  let depth = 0;
  let nodes = 1;
  const added = (how: number) => {
    nodes += how;
    if (nodes > DOCUMENT_LIMITS.maxNodes) throw refuse(`the HTML makes more than ${count(DOCUMENT_LIMITS.maxNodes)} paragraphs, text runs and line breaks; at most ${count(DOCUMENT_LIMITS.maxNodes)} are taken.`);
  };

  // Marks as a set: how many of each tag are open (so `</b>` closes a `<b>`, not a `<strong>`), and the link in force at each open `<a>`.
  const openMarkTags: Record<MarkTag, number> = { b: 0, strong: 0, i: 0, em: 0 };
  const links: (Mark | null)[] = [];
  const activeMarks = (): Mark[] => {
    const active: Mark[] = [];
    // In the schema's order, as the editor writes them: link, bold, italic.
    const link = links.at(-1);
    if (link?.type === "link") active.push({ type: "link", attrs: { href: link.attrs.href } });
    if (openMarkTags.b + openMarkTags.strong > 0) active.push({ type: "bold" });
    if (openMarkTags.i + openMarkTags.em > 0) active.push({ type: "italic" });
    return active;
  };

  const container = () => containers.at(-1)!;
  const closeTextblock = () => {
    if (textblock) {
      const last = textblock.content?.at(-1);
      if (last?.type === "text") last.text = last.text!.trimEnd();
      if (last?.type === "text" && !last.text) textblock.content!.pop();
      // The open textblock is always its container's last child: searching from the end keeps this constant time.
      if (textblock.content?.length === 0) container().content!.splice(container().content!.lastIndexOf(textblock), 1);
    }
    textblock = null;
  };
  const openTextblock = (node: JSONContent) => {
    closeTextblock();
    added(1);
    textblock = { ...structuredClone(node), content: [] };
    container().content!.push(textblock);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth += 1;
        if (depth > HTML_LIMITS.maxDepth) throw refuse(`the HTML nests elements more than ${HTML_LIMITS.maxDepth} deep (tags left open?); at most ${HTML_LIMITS.maxDepth} are taken.`);
        if (discarding > 0 || DISCARDED.has(name)) {
          if (DISCARDED.has(name)) drop(`<${name}>`);
          discarding += 1;
          return;
        }
        if (name in TEXTBLOCKS) return openTextblock(TEXTBLOCKS[name]!);
        if (name in CONTAINERS) {
          closeTextblock();
          // The new container, and a paragraph and its text inside it, within the document's depth.
          if (containers.length + 3 > DOCUMENT_LIMITS.maxDepth) {
            throw refuse(`the HTML nests quotes and lists inside each other deeper than the ${DOCUMENT_LIMITS.maxDepth} levels a story may have.`);
          }
          added(1);
          const node: JSONContent = { type: CONTAINERS[name], content: [] };
          container().content!.push(node);
          containers.push(node);
          return;
        }
        if (name === "br") {
          if (textblock) {
            added(1);
            textblock.content!.push({ type: "hardBreak" });
          }
          return;
        }
        if (MARK_TAGS.has(name)) return void (openMarkTags[name as MarkTag] += 1);
        if (name === "a") {
          const verdict = normalizeHref(attributes.href ?? "");
          if (!verdict.ok && attributes.href) drop(`link to ${attributes.href.length > 200 ? `${attributes.href.slice(0, 200)}…` : attributes.href}`);
          // A link the rule refuses leaves its text under the link around it, if any.
          return void links.push(verdict.ok ? { type: "link", attrs: { href: verdict.href } } : (links.at(-1) ?? null));
        }
        if (!TRANSPARENT.has(name)) drop(`<${name}>`);
      },
      onclosetag(name) {
        depth = Math.max(0, depth - 1);
        if (discarding > 0) {
          discarding -= 1;
          return;
        }
        if (name in TEXTBLOCKS) return closeTextblock();
        if (name in CONTAINERS) {
          closeTextblock();
          const node = containers.length > 1 && container().type === CONTAINERS[name] ? containers.pop()! : null;
          if (node?.type === "listItem" && node.content![0]?.type !== "paragraph") {
            added(1);
            node.content!.unshift({ type: "paragraph" });
          }
          return;
        }
        if (MARK_TAGS.has(name)) openMarkTags[name as MarkTag] = Math.max(0, openMarkTags[name as MarkTag] - 1);
        else if (name === "a") links.pop();
      },
      ontext(raw) {
        if (discarding > 0) return;
        // Entities are decoded by now: "&#1;" is a control character too.
        const decoded = textProblem(raw);
        if (decoded) throw refuse(`the HTML's text ${decoded}.`);
        let text = raw.replace(/[\s\u00A0]+/g, " ");
        if (!textblock) {
          if (!text.trim()) return;
          // Text straight inside a list is not a list item; inside the body or a quote it is a paragraph.
          if (container().type === "bulletList" || container().type === "orderedList") return void drop("text between list items");
          openTextblock({ type: "paragraph" });
        }
        const content = textblock!.content!;
        const previous = content.at(-1);
        if (content.length === 0 || previous?.type === "hardBreak" || previous?.text?.endsWith(" ")) text = text.trimStart();
        if (!text) return;
        const active = activeMarks();
        if (previous?.type === "text" && JSON.stringify(previous.marks ?? []) === JSON.stringify(active)) previous.text += text;
        else {
          added(1);
          content.push({ type: "text", text, ...(active.length > 0 && { marks: active }) });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  closeTextblock();
  return { document: prune(root), dropped: [...dropped, ...(beyondCap.size > 0 ? [`and ${count(beyondCap.size)} more`] : [])] };
}

/** Quotes and lists left empty (their text was all dropped) are not kept: the schema wants content in them. */
function prune(node: JSONContent): JSONContent {
  if (!node.content || node.type === "paragraph" || node.type === "heading") return node;
  const content = node.content.map(prune).filter((child) => !["blockquote", "bulletList", "orderedList", "listItem"].includes(child.type!) || (child.content?.length ?? 0) > 0);
  return { ...node, content };
}
