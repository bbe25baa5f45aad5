import type { JSONContent } from "@tiptap/core";
import { Parser } from "htmlparser2";
import { count, DOCUMENT_LIMITS, HTML_LIMITS, TABLE_LIMITS, textProblem } from "@/lib/content/limits";
import { normalizeHref } from "@/lib/content/links";
import { AppError } from "@/lib/errors";
import { finishTable } from "./html-table";

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
/** A table's own elements; thead, tbody and tfoot only group rows. */
const TABLE_TAGS = new Set(["table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "colgroup", "col"]);
/** Where a table may stand in the document (the body, a quote, a list item): not in a list between its items. */
const TABLE_HOMES = new Set(["doc", "blockquote", "listItem"]);
const CELLS = new Set(["tableCell", "tableHeader"]);
const PARAGRAPH: JSONContent = { type: "paragraph" };
/** A cell's span as written, when it is a whole number within the caps; else 1 (the table is checked whole when it closes). */
const spanAttr = (value: string | undefined, max: number) => {
  const span = Number(value ?? "1");
  return Number.isInteger(span) && span >= 1 && span <= max ? span : 1;
};
/** Elements whose content is not the story's text at all. */
const DISCARDED = new Set(["script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "video", "audio", "canvas", "form", "button", "select", "textarea", "head", "title"]);
/** Wrappers that carry nothing of their own: their text is kept, unremarked. */
const TRANSPARENT = new Set(["html", "body", "div", "span", "section", "article", "main", "header", "footer", "aside", "nav", "font", "small", "big", "u", "s", "sub", "sup", "abbr", "cite", "time", "mark", "q", "dfn", "code", "pre", "center", "hgroup"]);

/**
 * An agency's HTML body as our document, built element by element from a
 * whitelist: paragraphs, headings (h1/h2 → level 2, the rest → level 3),
 * quotes, lists, line breaks, bold, italic, links our link rule allows, and
 * tables (`th` → header cells, a caption → a paragraph above, a cell's
 * blocks → paragraphs, a table inside a cell → its words; fitted by
 * ./html-table.ts, so cells never run together as "PhaseDates1March").
 * Anything else is dropped and listed — its text kept where it is text
 * (a div), discarded where it is not (scripts, embeds,
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
  /** What the open textblock sits in: its container, or for a table's caption the table's own container. */
  let textblockHome: JSONContent | null = null;
  /** The table being read (one at a time: a table in a cell, or where no table may stand, is read as words), and how many such are open. */
  let table: JSONContent | null = null;
  let flattened = 0;
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
      // The open textblock is always near its home's end (a caption: just before the table): searching from the end keeps this constant time.
      const home = textblockHome ?? container();
      const at = home.content!.lastIndexOf(textblock);
      if (textblock.content?.length === 0 && at >= 0) home.content!.splice(at, 1);
    }
    textblock = null;
    textblockHome = null;
  };
  const push = (node: JSONContent) => {
    container().content!.push(node);
    containers.push(node);
  };
  const inCell = () => CELLS.has(container().type!);
  /** Text or a block straight inside a table or a row (markup without its cells) gets a cell of its own. */
  const ensureCell = () => {
    if (container().type === "table") openRow();
    if (container().type === "tableRow") openCell("tableCell", {});
  };
  const openTextblock = (node: JSONContent) => {
    closeTextblock();
    ensureCell();
    added(1);
    // In a cell only paragraphs: a heading or a list item there is a paragraph.
    textblock = { ...structuredClone(inCell() ? PARAGRAPH : node), content: [] };
    container().content!.push(textblock);
  };
  const closeCell = () => {
    closeTextblock();
    if (inCell()) containers.pop();
  };
  const closeRow = () => {
    closeCell();
    if (container().type === "tableRow") containers.pop();
  };
  function openRow() {
    closeRow();
    added(1);
    push({ type: "tableRow", content: [] });
  }
  function openCell(type: "tableCell" | "tableHeader", attributes: Record<string, string>) {
    closeCell();
    if (container().type === "table") openRow();
    added(1);
    push({ type, attrs: { colspan: spanAttr(attributes.colspan, TABLE_LIMITS.maxColumns), rowspan: spanAttr(attributes.rowspan, TABLE_LIMITS.maxRows) }, content: [] });
  }
  /** The table's tags: a table where one may stand, else (or inside one) its cells' words with spaces between. */
  const openTableTag = (name: string, attributes: Record<string, string>) => {
    if (name === "table") {
      // The table, a row, a cell, a paragraph and its text, within the document's depth.
      if (table || flattened > 0 || !TABLE_HOMES.has(container().type!) || containers.length + 5 > DOCUMENT_LIMITS.maxDepth) {
        flattened += 1;
        return void drop(table ? "a table inside a table cell (its words kept)" : "<table> where a table cannot stand (its words kept)");
      }
      closeTextblock();
      added(1);
      table = { type: "table", content: [] };
      return push(table);
    }
    if (!table || flattened > 0) {
      // A cell or row of a table read as words: a space, so its words do not run into the last cell's.
      if (name === "td" || name === "th" || name === "tr") {
        if (flattened === 0) drop(`<${name}>`);
        handlers.ontext(" ");
      }
      return;
    }
    if (name === "caption") {
      closeRow();
      if (container().type !== "table") return;
      added(1);
      textblock = { type: "paragraph", content: [] };
      textblockHome = containers.at(-2)!;
      textblockHome.content!.splice(textblockHome.content!.lastIndexOf(table), 0, textblock);
      return;
    }
    if (name === "tr") return openRow();
    if (name === "td" || name === "th") return openCell(name === "th" ? "tableHeader" : "tableCell", attributes);
  };
  const closeTableTag = (name: string) => {
    if (name === "table" && flattened > 0) return void (flattened -= 1);
    if (!table || flattened > 0) return;
    if (name === "caption") return closeTextblock();
    if (name === "td" || name === "th") return closeCell();
    if (name === "tr") return closeRow();
    if (name !== "table") return;
    closeRow();
    containers.pop();
    const home = container();
    const finished = finishTable(table);
    added(finished.added);
    if (finished.note) drop(finished.note);
    home.content!.splice(home.content!.lastIndexOf(table), 1, ...finished.nodes);
    table = null;
  };

  const handlers = {
    onopentag(name: string, attributes: Record<string, string>) {
      depth += 1;
      if (depth > HTML_LIMITS.maxDepth) throw refuse(`the HTML nests elements more than ${HTML_LIMITS.maxDepth} deep (tags left open?); at most ${HTML_LIMITS.maxDepth} are taken.`);
      if (discarding > 0 || DISCARDED.has(name)) {
        if (DISCARDED.has(name)) drop(`<${name}>`);
        discarding += 1;
        return;
      }
      if (TABLE_TAGS.has(name)) return openTableTag(name, attributes);
      if (name in TEXTBLOCKS) return openTextblock(TEXTBLOCKS[name]!);
      if (name in CONTAINERS && (table || flattened > 0)) {
        // In a table, quotes and lists are not kept as such: a list item is a paragraph of its cell.
        return name === "li" ? openTextblock(PARAGRAPH) : closeTextblock();
      }
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
    onclosetag(name: string) {
      depth = Math.max(0, depth - 1);
      if (discarding > 0) {
        discarding -= 1;
        return;
      }
      if (TABLE_TAGS.has(name)) return closeTableTag(name);
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
    ontext(raw: string) {
      if (discarding > 0) return;
      // Entities are decoded by now: "&#1;" is a control character too.
      const decoded = textProblem(raw);
      if (decoded) throw refuse(`the HTML's text ${decoded}.`);
      let text = raw.replace(/[\s\u00A0]+/g, " ");
      if (!textblock) {
        if (!text.trim()) return;
        // Text straight inside a list is not a list item; inside the body or a quote it is a paragraph.
        if (container().type === "bulletList" || container().type === "orderedList") return void drop("text between list items");
        openTextblock(PARAGRAPH);
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
  };
  const parser = new Parser(handlers, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  // The parser closes what was left open; a table it did not is finished here all the same.
  while (table) {
    flattened = 0;
    closeTableTag("table");
  }
  closeTextblock();
  return { document: prune(root), dropped: [...dropped, ...(beyondCap.size > 0 ? [`and ${count(beyondCap.size)} more`] : [])] };
}

/** Quotes and lists left empty (their text was all dropped) are not kept: the schema wants content in them. */
function prune(node: JSONContent): JSONContent {
  if (!node.content || node.type === "paragraph" || node.type === "heading") return node;
  const content = node.content.map(prune).filter((child) => !["blockquote", "bulletList", "orderedList", "listItem"].includes(child.type!) || (child.content?.length ?? 0) > 0);
  return { ...node, content };
}
