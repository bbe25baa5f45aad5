import type { JSONContent } from "@tiptap/core";
import { Parser } from "htmlparser2";
import { normalizeHref } from "@/lib/content/links";

type Mark = { type: "bold" } | { type: "italic" } | { type: "link"; attrs: { href: string } };

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
const MARKS: Record<string, Mark["type"]> = { b: "bold", strong: "bold", i: "italic", em: "italic" };
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
 */
export function htmlToDocument(html: string): { document: JSONContent; dropped: string[] } {
  const dropped = new Set<string>();
  const root: JSONContent = { type: "doc", content: [] };
  const containers: JSONContent[] = [root];
  let textblock: JSONContent | null = null;
  const marks: { tag: string; mark: Mark | null }[] = [];
  let discarding = 0;

  const container = () => containers.at(-1)!;
  const closeTextblock = () => {
    if (textblock) {
      const last = textblock.content?.at(-1);
      if (last?.type === "text") last.text = last.text!.trimEnd();
      if (last?.type === "text" && !last.text) textblock.content!.pop();
      if (textblock.content?.length === 0) container().content!.splice(container().content!.indexOf(textblock), 1);
    }
    textblock = null;
  };
  const openTextblock = (node: JSONContent) => {
    closeTextblock();
    textblock = { ...structuredClone(node), content: [] };
    container().content!.push(textblock);
  };
  const activeMarks = () => marks.map((entry) => entry.mark).filter((mark): mark is Mark => mark !== null);

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (discarding > 0 || DISCARDED.has(name)) {
          if (DISCARDED.has(name)) dropped.add(`<${name}>`);
          discarding += 1;
          return;
        }
        if (name in TEXTBLOCKS) return openTextblock(TEXTBLOCKS[name]!);
        if (name in CONTAINERS) {
          closeTextblock();
          const node: JSONContent = { type: CONTAINERS[name], content: [] };
          container().content!.push(node);
          containers.push(node);
          return;
        }
        if (name === "br") {
          if (textblock) textblock.content!.push({ type: "hardBreak" });
          return;
        }
        if (name in MARKS) return void marks.push({ tag: name, mark: { type: MARKS[name]! } as Mark });
        if (name === "a") {
          const verdict = normalizeHref(attributes.href ?? "");
          if (!verdict.ok && attributes.href) dropped.add(`link to ${attributes.href}`);
          return void marks.push({ tag: name, mark: verdict.ok ? { type: "link", attrs: { href: verdict.href } } : null });
        }
        if (!TRANSPARENT.has(name)) dropped.add(`<${name}>`);
      },
      onclosetag(name) {
        if (discarding > 0) {
          discarding -= 1;
          return;
        }
        if (name in TEXTBLOCKS) return closeTextblock();
        if (name in CONTAINERS) {
          closeTextblock();
          const node = containers.length > 1 && container().type === CONTAINERS[name] ? containers.pop()! : null;
          if (node?.type === "listItem" && node.content![0]?.type !== "paragraph") node.content!.unshift({ type: "paragraph" });
          return;
        }
        const open = marks.findLastIndex((entry) => entry.tag === name);
        if (open >= 0) marks.splice(open, 1);
      },
      ontext(raw) {
        if (discarding > 0) return;
        let text = raw.replace(/[\s\u00A0]+/g, " ");
        if (!textblock) {
          if (!text.trim()) return;
          // Text straight inside a list is not a list item; inside the body or a quote it is a paragraph.
          if (container().type === "bulletList" || container().type === "orderedList") return void dropped.add("text between list items");
          openTextblock({ type: "paragraph" });
        }
        const content = textblock!.content!;
        const previous = content.at(-1);
        if (content.length === 0 || previous?.type === "hardBreak" || previous?.text?.endsWith(" ")) text = text.trimStart();
        if (!text) return;
        const active = activeMarks();
        if (previous?.type === "text" && JSON.stringify(previous.marks ?? []) === JSON.stringify(active)) previous.text += text;
        else content.push({ type: "text", text, ...(active.length > 0 && { marks: active }) });
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  closeTextblock();
  return { document: prune(root), dropped: [...dropped] };
}

/** Quotes and lists left empty (their text was all dropped) are not kept: the schema wants content in them. */
function prune(node: JSONContent): JSONContent {
  if (!node.content || node.type === "paragraph" || node.type === "heading") return node;
  const content = node.content.map(prune).filter((child) => !["blockquote", "bulletList", "orderedList", "listItem"].includes(child.type!) || (child.content?.length ?? 0) > 0);
  return { ...node, content };
}
