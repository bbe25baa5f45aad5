"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { TABLE_LIMITS } from "@/lib/content/limits";
import { ToolbarButton } from "./toolbar-button";

/**
 * Where the caret is, table-wise: inside one, whether that table's first row
 * is its header row, and whether a row or a column more would still fit the
 * body's tables (TABLE_LIMITS; past them the save would keep the body back).
 */
function tableState(editor: Editor) {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const node = $from.node(depth);
    if (node.type.name !== "table") continue;
    let headerRow = (node.firstChild?.childCount ?? 0) > 0;
    let columns = 0;
    node.firstChild?.forEach((cell) => {
      headerRow &&= cell.type.name === "tableHeader";
      columns += Number(cell.attrs.colspan) || 1;
    });
    const rows = node.childCount;
    const { maxRows, maxColumns, maxCells } = TABLE_LIMITS;
    return { inTable: true, headerRow, roomForRow: rows < maxRows && (rows + 1) * columns <= maxCells, roomForColumn: columns < maxColumns && rows * (columns + 1) <= maxCells };
  }
  return { inTable: false, headerRow: false, roomForRow: false, roomForColumn: false };
}

/**
 * The toolbar's table buttons: "Table" puts in a 3 × 3 table with a header
 * row; with the caret in a table, rows and columns are added and deleted
 * there, the header row turned on or off, the table deleted. Real buttons,
 * in the toolbar's tab order; each puts the caret back in the table.
 */
export function TableTools({ editor }: { editor: Editor }) {
  // The toolbar does not re-render when only the caret moves; this does.
  const { inTable, headerRow, roomForRow, roomForColumn } = useEditorState({ editor, selector: ({ editor: current }) => tableState(current) });
  const run = (command: (chain: ReturnType<Editor["chain"]>) => ReturnType<Editor["chain"]>) => () => void command(editor.chain().focus()).run();
  return (
    <>
      <ToolbarButton label="Table" disabled={inTable} onClick={run((chain) => chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true }))} />
      {inTable && (
        <span role="group" aria-label="Table" className="flex flex-wrap gap-1 border-l border-rule pl-1">
          <ToolbarButton label="Add row" disabled={!roomForRow} onClick={run((chain) => chain.addRowAfter())} />
          <ToolbarButton label="Add column" disabled={!roomForColumn} onClick={run((chain) => chain.addColumnAfter())} />
          <ToolbarButton label="Delete row" onClick={run((chain) => chain.deleteRow())} />
          <ToolbarButton label="Delete column" onClick={run((chain) => chain.deleteColumn())} />
          <ToolbarButton label="Header row" active={headerRow} onClick={run((chain) => chain.toggleHeaderRow())} />
          <ToolbarButton label="Delete table" onClick={run((chain) => chain.deleteTable())} />
        </span>
      )}
    </>
  );
}
