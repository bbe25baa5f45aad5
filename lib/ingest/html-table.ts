import type { JSONContent } from "@tiptap/core";
import { count, TABLE_LIMITS } from "@/lib/content/limits";
import { tableProblem } from "@/lib/content/validate";

const ONE = { colspan: 1, rowspan: 1 } as const;
const isRow = (node: JSONContent) => node.type === "tableRow" && (node.content?.length ?? 0) > 0;

/** A row of a table too big to be one, as a line of text: its cells' words (marks and links kept), " | " between cells. */
function rowAsParagraph(row: JSONContent): JSONContent {
  const content: JSONContent[] = [];
  const push = (node: JSONContent) => {
    const last = content.at(-1);
    if (last?.type === "text" && node.type === "text" && !last.marks && !node.marks) last.text += node.text!;
    else content.push({ ...node });
  };
  row.content!.forEach((cell, index) => {
    if (index > 0) push({ type: "text", text: " | " });
    cell.content?.forEach((paragraph, at) => {
      if (at > 0 && (paragraph.content?.length ?? 0) > 0) push({ type: "text", text: " " });
      paragraph.content?.forEach(push);
    });
  });
  return { type: "paragraph", content };
}

/**
 * A table read from agency or page HTML, made into one the validator takes
 * (lib/content/validate.ts): rows without cells left out, an empty cell
 * given its empty paragraph, and — when the spans do not make a grid (a
 * ragged table, spans overlapping or past the end) — the spans dropped and
 * short rows filled with empty cells. A table past TABLE_LIMITS becomes its
 * rows as lines of text, cells apart, never run together. Returns what goes
 * in the table's place (nothing for a table without cells), the nodes added,
 * and a note for the dropped list when something was changed.
 */
export function finishTable(table: JSONContent): { nodes: JSONContent[]; added: number; note: string | null } {
  const rows = (table.content ?? []).filter(isRow);
  if (rows.length === 0) return { nodes: [], added: 0, note: null };
  let added = 0;
  for (const row of rows) {
    for (const cell of row.content!) {
      if ((cell.content?.length ?? 0) === 0) {
        cell.content = [{ type: "paragraph" }];
        added += 1;
      }
    }
  }
  const candidate: JSONContent = { type: "table", content: rows };
  if (!tableProblem(candidate)) return { nodes: [candidate], added, note: null };

  const { maxRows, maxColumns, maxCells } = TABLE_LIMITS;
  const width = Math.max(...rows.map((row) => row.content!.length));
  if (rows.length <= maxRows && width <= maxColumns && rows.length * width <= maxCells) {
    for (const row of rows) {
      for (const cell of row.content!) cell.attrs = { ...ONE };
      const type = row.content!.at(-1)!.type === "tableHeader" && row.content!.every((cell) => cell.type === "tableHeader") ? "tableHeader" : "tableCell";
      while (row.content!.length < width) {
        row.content!.push({ type, attrs: { ...ONE }, content: [{ type: "paragraph" }] });
        added += 2;
      }
    }
    if (!tableProblem(candidate)) return { nodes: [candidate], added, note: "table cell spans that did not line up (the cells kept, unspanned)" };
  }
  return {
    nodes: rows.map(rowAsParagraph),
    added: rows.length,
    note: `a table of ${count(rows.length)} rows and ${count(width)} columns, more than a table takes (at most ${count(maxRows)} rows, ${count(maxColumns)} columns); kept as text, a line per row`,
  };
}
