import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { count, TABLE_LIMITS } from "@/lib/content/limits";
import { tsvToTable } from "@/lib/content/tsv-table";

/** What a table cell takes is paragraphs (lib/content/table.ts): these become one each, lists lose their bullets. */
const CELL_BLOCKS = "li, h1, h2, h3, h4, h5, h6, blockquote, pre, div, section, article, header, footer, aside, figure, figcaption, address, dt, dd";
const CELL_WRAPPERS = "ul, ol, dl, menu";

/**
 * Tables pasted from web pages and spreadsheets, made to fit the body's
 * tables before the schema reads them: a table inside a cell becomes its
 * text, blocks inside cells become paragraphs (a list in a cell would
 * otherwise break the table apart), a caption becomes a paragraph above the
 * table, and a table with no header cells at all (Sheets, Excel) gets its
 * first row as the header row — the Header row button turns it off.
 */
export function tidyPastedTables(html: string, onOversized: (reason: string) => void): string {
  if (!/<table[\s>]/i.test(html)) return html;
  const document = new DOMParser().parseFromString(html, "text/html");
  const paragraph = (from: Element) => {
    const replacement = document.createElement("p");
    replacement.append(...Array.from(from.childNodes));
    return replacement;
  };
  for (const inner of Array.from(document.querySelectorAll("td table, th table"))) {
    const words = Array.from(inner.querySelectorAll("td, th"), (cell) => cell.textContent?.trim() ?? "").filter(Boolean);
    const replacement = document.createElement("p");
    replacement.textContent = words.join(" ");
    inner.replaceWith(replacement);
  }
  for (const cell of Array.from(document.querySelectorAll("td, th"))) {
    // Deepest first, so a block holding paragraphs is opened up rather than nested in one.
    for (const block of Array.from(cell.querySelectorAll(`${CELL_BLOCKS}, ${CELL_WRAPPERS}`)).reverse()) {
      if (block.matches(CELL_WRAPPERS) || block.querySelector("p")) block.replaceWith(...Array.from(block.childNodes));
      else block.replaceWith(paragraph(block));
    }
  }
  for (const table of Array.from(document.querySelectorAll("table"))) {
    const rows = Array.from(table.querySelectorAll("tr"));
    const columns = rows.reduce((widest, row) => Math.max(widest, spannedWidth(row)), 0);
    const { maxRows, maxColumns, maxCells } = TABLE_LIMITS;
    if (rows.length > maxRows || columns > maxColumns || rows.length * columns > maxCells) {
      // More than a body's table takes: every row as a line of text, nothing lost, and the notice says so.
      table.replaceWith(...rows.map((row) => {
        const line = document.createElement("p");
        line.textContent = Array.from(row.querySelectorAll(":scope > td, :scope > th"), (cell) => cell.textContent?.trim() ?? "").join(" | ");
        return line;
      }));
      onOversized(`The pasted table (${count(rows.length)} rows, ${count(columns)} columns) is more than a table takes (at most ${count(maxRows)} rows, ${count(maxColumns)} columns, ${count(maxCells)} cells); it was pasted as text, one line per row.`);
      continue;
    }
    for (const caption of Array.from(table.querySelectorAll(":scope > caption"))) {
      table.before(paragraph(caption));
      caption.remove();
    }
    const firstRow = table.querySelector("tr");
    if (firstRow && !table.querySelector("th")) {
      for (const cell of Array.from(firstRow.querySelectorAll(":scope > td"))) {
        const heading = document.createElement("th");
        for (const name of ["colspan", "rowspan"]) if (cell.hasAttribute(name)) heading.setAttribute(name, cell.getAttribute(name)!);
        heading.append(...Array.from(cell.childNodes));
        cell.replaceWith(heading);
      }
    }
  }
  return document.body.innerHTML;
}

/** A row's width in columns, spans counted (a bad span counts as 1). */
function spannedWidth(row: Element): number {
  return Array.from(row.querySelectorAll(":scope > td, :scope > th")).reduce((width, cell) => width + (Number.parseInt(cell.getAttribute("colspan") ?? "", 10) || 1), 0);
}

/**
 * Pasting tables into the body. HTML tables (a web page, Sheets, Excel) come
 * through the schema's own parsing, tidied above; tab-separated text with no
 * HTML table beside it (a spreadsheet or a text editor) becomes a table here
 * (lib/content/tsv-table.ts). Inside a table, cells paste into cells
 * (prosemirror-tables) or as text. Too many cells for a table: pasted as
 * text, and `onNotice` says why.
 */
export const TablePaste = Extension.create<{ onNotice: (notice: string | null) => void }>({
  name: "tablePaste",
  addOptions() {
    return { onNotice: () => {} };
  },
  addProseMirrorPlugins() {
    const { onNotice } = this.options;
    return [
      new Plugin({
        key: new PluginKey("tablePaste"),
        props: {
          transformPastedHTML: (html) => tidyPastedTables(html, onNotice),
          handlePaste: (view, event) => {
            const data = event.clipboardData;
            if (!data || /<table[\s>]/i.test(data.getData("text/html"))) return false;
            const result = tsvToTable(data.getData("text/plain"));
            if (!result) return false;
            if (!result.ok) {
              onNotice(result.reason);
              return false;
            }
            const { $from } = view.state.selection;
            for (let depth = $from.depth; depth > 0; depth -= 1) if ($from.node(depth).type.name === "table") return false;
            view.dispatch(view.state.tr.replaceSelectionWith(view.state.schema.nodeFromJSON(result.table)).scrollIntoView());
            onNotice(null);
            return true;
          },
        },
      }),
    ];
  },
});
