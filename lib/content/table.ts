import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { TABLE_LIMITS } from "./limits";

/**
 * Tables in a story body: Tiptap's `table`, `tableRow`, `tableHeader` and
 * `tableCell` nodes, kept simple. A cell holds paragraphs (with the usual
 * marks and links) — no lists, headings, photos or tables inside a cell, so
 * a table reads on a phone and a screen reader announces it cleanly. A cell
 * may span columns and rows (pasted results tables often have a spanning
 * heading); column widths and per-cell alignment are not kept: readers'
 * tables size themselves and scroll sideways on a narrow screen.
 *
 * A row whose cells are all `tableHeader` at the top of the table is the
 * header row (readers get it as `<thead>` with `<th scope="col">`); a
 * `tableHeader` elsewhere heads its row (`<th scope="row">`). The save-time
 * rules (sizes, spans, every row as wide as the first) are in ./validate.ts,
 * the caps in ./limits.ts (TABLE_LIMITS).
 */
/** A span read from pasted HTML: a whole number within the caps, else 1 (a broken or hostile span is not kept). */
const span = (name: "colspan" | "rowspan", max: number) => ({
  default: 1,
  parseHTML: (element: HTMLElement) => {
    const value = Number(element.getAttribute(name) ?? "1");
    return Number.isInteger(value) && value >= 1 && value <= max ? value : 1;
  },
});

const cellOptions = {
  content: "paragraph+",
  addAttributes() {
    // Only the spans: Tiptap's colwidth and align would store widths and inline styles readers do not get.
    return { colspan: span("colspan", TABLE_LIMITS.maxColumns), rowspan: span("rowspan", TABLE_LIMITS.maxRows) };
  },
} as const;

export const tableExtensions = [
  Table.extend({
    // The plain form, for the first paint, copying out of the editor and HTML export; readers get
    // theirs from lib/content/render.tsx (header row, scrolling region). No widths, no inline style.
    renderHTML() {
      return ["table", ["tbody", 0]];
    },
    // Tab moves from cell to cell; from the last cell (Shift+Tab: the first) it leaves the editor as Tab does
    // anywhere, instead of Tiptap's adding a row — a keyboard user is never kept in a table ("Add row" adds rows).
    addKeyboardShortcuts() {
      return { ...this.parent?.(), Tab: () => this.editor.commands.goToNextCell() };
    },
  }),
  TableRow,
  TableHeader.extend(cellOptions),
  TableCell.extend(cellOptions),
];

/** The node names, for the checks and the renderer. */
export const TABLE = "table";
export const TABLE_ROW = "tableRow";
export const TABLE_CELL_TYPES = ["tableCell", "tableHeader"] as const;
