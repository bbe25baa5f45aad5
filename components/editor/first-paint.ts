import { getSchema, type JSONContent } from "@tiptap/core";
import { DOMParser as ProseMirrorParser, type TagParseRule } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { pruneToSchema } from "@/lib/content/document";
import { articleExtensions } from "@/lib/content/extensions";

/*
 * The body is editable from the first paint, before any script has run: the
 * server sends it as a plain contenteditable element, where the browser itself
 * places the caret, moves it (Ctrl+End) and takes keys. When the page becomes
 * interactive, ProseMirror takes over what is there — the document as typed,
 * the caret where it was, the focus — in the same task, so no key falls
 * between the two and nothing typed lands anywhere but where it was typed.
 */

const schema = getSchema(articleExtensions);
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The body as HTML for the first paint. A photo is an island the browser
 * cannot type into, and carries its attributes, which its own HTML does not
 * give back when read (src, caption, credit).
 */
export function firstPaintHtml(content: JSONContent): string {
  return renderToHTMLString({
    extensions: articleExtensions,
    content: pruneToSchema(content).document,
    options: {
      nodeMapping: {
        figure: ({ node }) => {
          const { src = "", alt = "", caption = "", credit = "" } = (node.attrs ?? {}) as Record<string, string | undefined>;
          const text = [caption, credit ? `(Photo: ${credit})` : ""].filter(Boolean).join(" ");
          const picture = src ? `<img src="${escape(src)}" alt="${node.attrs?.decorative === true ? "" : escape(alt)}" loading="lazy">` : "";
          return `<figure data-figure="" contenteditable="false" data-attrs="${escape(JSON.stringify(node.attrs))}">${picture}<figcaption>${escape(src ? text : `Photo to come: ${text}`)}</figcaption></figure>`;
        },
      },
      markMapping: {},
    },
  });
}

const photoRule: TagParseRule = {
  tag: "figure[data-attrs]",
  node: "figure",
  // Only the four texts a photo has and its decorative mark; anything else (a figure pasted from elsewhere) is no photo of ours.
  getAttrs: (dom) => {
    try {
      const attrs = JSON.parse((dom as HTMLElement).dataset.attrs ?? "") as Record<string, unknown>;
      const text = (key: string) => (typeof attrs[key] === "string" ? attrs[key] : "");
      return { src: text("src"), alt: text("alt"), caption: text("caption"), credit: text("credit"), decorative: attrs.decorative === true };
    } catch {
      return false;
    }
  },
};
const parser = new ProseMirrorParser(schema, [photoRule, ...ProseMirrorParser.fromSchema(schema).rules]);

export interface TakeOver {
  content: JSONContent;
  /** whether the person typed before the editor was ready (an edit to save) */
  changed: boolean;
  /** the selection to put back, when it was in the body */
  selection: { anchor: number; head: number } | null;
  focused: boolean;
}

/**
 * Reads the first-paint body as the person left it. Called while it is still
 * in the page. Whether anything was typed is decided on the documents, not the
 * markup: a browser writes the same HTML back in its own way, and extensions
 * add attributes, neither of which is an edit.
 */
export function takeOver(surface: HTMLElement | null, content: JSONContent, html: string): TakeOver {
  if (!surface) return { content, changed: false, selection: null, focused: false };
  const focused = surface.contains(document.activeElement);
  const selected = document.getSelection();
  const inside = Boolean(selected?.anchorNode && selected.focusNode && surface.contains(selected.anchorNode) && surface.contains(selected.focusNode));
  const read = () => {
    const positions = inside ? [{ node: selected!.anchorNode!, offset: selected!.anchorOffset }, { node: selected!.focusNode!, offset: selected!.focusOffset }] : [];
    const doc = parser.parse(surface, { findPositions: positions });
    const [anchor, head] = positions.map((position) => (position as { pos?: number }).pos);
    return { doc, selection: anchor !== undefined && head !== undefined ? { anchor, head } : null };
  };
  const sent = document.createElement("template");
  sent.innerHTML = html;
  let now = read();
  const changed = !now.doc.eq(parser.parse(sent.content));
  if (changed) {
    // The browser leaves a <br> to hold an emptied paragraph open; it is not a line break anyone typed.
    for (const br of Array.from(surface.querySelectorAll("br"))) {
      if (!br.nextSibling && br.parentElement !== surface && br !== selected?.anchorNode && br !== selected?.focusNode) br.remove();
    }
    now = read();
  }
  return { content: changed ? now.doc.toJSON() : content, changed, selection: now.selection, focused };
}
