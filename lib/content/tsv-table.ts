import type { JSONContent } from "@tiptap/core";
import { count, TABLE_LIMITS } from "./limits";

/**
 * Cells copied from a spreadsheet (Google Sheets, Excel, LibreOffice, Numbers)
 * reach the clipboard as tab-separated text: a line per row, a tab between
 * cells, and a cell holding a tab, a line break or a quote written in double
 * quotes with its quotes doubled. Pasted as text that is one run-on
 * paragraph ("PhaseDates1March–May"); this turns it into the body's table.
 * Pure, so it is tested on its own and the editor's paste only calls it.
 */

/** Reads tab-separated text into rows of cells; a field that only looks quoted is kept as typed. Linear in the text. */
export function tsvRows(text: string): string[][] {
  const source = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  if (source === "") return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  const plainEnd = (from: number) => {
    const tab = source.indexOf("\t", from);
    const line = source.indexOf("\n", from);
    const ends = [tab, line, source.length].filter((index) => index >= 0);
    return Math.min(...ends);
  };
  for (;;) {
    let field: string | null = null;
    if (source[at] === '"') {
      let next = at + 1;
      let value = "";
      let closed = false;
      while (next < source.length) {
        const quote = source.indexOf('"', next);
        if (quote < 0) break;
        value += source.slice(next, quote);
        if (source[quote + 1] === '"') {
          value += '"';
          next = quote + 2;
          continue;
        }
        closed = true;
        next = quote + 1;
        break;
      }
      if (closed && (next === source.length || source[next] === "\t" || source[next] === "\n")) {
        field = value;
        at = next;
      }
    }
    if (field === null) {
      const end = plainEnd(at);
      field = source.slice(at, end);
      at = end;
    }
    row.push(field);
    if (at >= source.length) break;
    if (source[at] === "\n") {
      rows.push(row);
      row = [];
    }
    at += 1;
  }
  rows.push(row);
  return rows;
}

const cellContent = (text: string): JSONContent[] => {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length === 0 ? [{ type: "paragraph" }] : lines.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] }));
};

export type TsvTable = { ok: true; table: JSONContent; rows: number; columns: number } | { ok: false; reason: string };

/**
 * The table for tab-separated text, its first row the header row (a
 * spreadsheet's first row names its columns; the editor can turn it off),
 * short rows filled with empty cells. Null when the text is not cells — fewer
 * than two rows, or a row without a tab — so ordinary text pastes as text; a
 * refusal with the reason when it is more than a table takes (TABLE_LIMITS).
 */
export function tsvToTable(text: string): TsvTable | null {
  if (!text.includes("\t")) return null;
  const rows = tsvRows(text);
  if (rows.length < 2 || rows.some((row) => row.length < 2)) return null;
  const columns = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  const { maxRows, maxColumns, maxCells } = TABLE_LIMITS;
  if (rows.length > maxRows || columns > maxColumns || rows.length * columns > maxCells) {
    return {
      ok: false,
      reason: `The pasted cells (${count(rows.length)} rows, ${count(columns)} columns) are more than a table takes (at most ${count(maxRows)} rows, ${count(maxColumns)} columns, ${count(maxCells)} cells); they were pasted as text.`,
    };
  }
  const table: JSONContent = {
    type: "table",
    content: rows.map((row, index) => ({
      type: "tableRow",
      content: Array.from({ length: columns }, (_, column) => ({
        type: index === 0 ? "tableHeader" : "tableCell",
        attrs: { colspan: 1, rowspan: 1 },
        content: cellContent(row[column] ?? ""),
      })),
    })),
  };
  return { ok: true, table, rows: rows.length, columns };
}
