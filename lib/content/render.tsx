import { getSchema } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import type { ReactNode } from "react";
import { pruneToSchema } from "./document";
import { articleExtensions } from "./extensions";
import { TABLE } from "./table";

const schema = getSchema(articleExtensions);

type NodeProps = { node: PMNode; parent?: PMNode; children?: ReactNode | ReactNode[] };

/** A row of header cells only, none reaching into the next row: readers get it as the table's `<thead>`. */
const isHeaderRow = (row: PMNode | null | undefined) => {
  if (!row || row.childCount === 0) return false;
  let header = true;
  row.forEach((cell) => (header &&= cell.type.name === "tableHeader" && cell.attrs.rowspan === 1));
  return header;
};

const spans = (node: PMNode) => ({
  ...(node.attrs.colspan > 1 && { colSpan: node.attrs.colspan }),
  ...(node.attrs.rowspan > 1 && { rowSpan: node.attrs.rowspan }),
});

/** The header cells' text, for naming a table's scrolling region: "Phase, Dates". */
function headings(table: PMNode): string {
  const first = table.firstChild;
  if (!first || !isHeaderRow(first)) return "";
  const names: string[] = [];
  first.forEach((cell) => names.push(cell.textContent.trim()));
  const joined = names.filter(Boolean).join(", ");
  return joined.length > 80 ? `${joined.slice(0, 79)}…` : joined;
}

/**
 * Readers' tables: a header row becomes `<thead>` with `<th scope="col">`,
 * other header cells head their row (`scope="row"`), and the table sits in a
 * region that scrolls sideways on a narrow screen. The region is focusable
 * and named, so a keyboard user can scroll it and a screen reader can tell
 * the tables of a page apart ("Table 2 of 3: Phase, Dates").
 */
function tableMapping(document: PMNode) {
  const tables: PMNode[] = [];
  document.descendants((node) => {
    if (node.type.name === TABLE) tables.push(node);
    return node.isBlock && !node.isTextblock;
  });
  return {
    table: ({ node, children }: NodeProps) => {
      const rows = ([] as ReactNode[]).concat(children ?? []);
      const head = isHeaderRow(node.firstChild) ? rows.slice(0, 1) : [];
      const body = rows.slice(head.length);
      const position = tables.indexOf(node);
      const number = tables.length > 1 && position >= 0 ? ` ${position + 1} of ${tables.length}` : "";
      const heading = headings(node);
      return (
        <div className="table-scroll" role="region" aria-label={`Table${number}${heading ? `: ${heading}` : ""}`} tabIndex={0}>
          <table>
            {head.length > 0 && <thead>{head}</thead>}
            {body.length > 0 && <tbody>{body}</tbody>}
          </table>
        </div>
      );
    },
    tableRow: ({ children }: NodeProps) => <tr>{children}</tr>,
    tableHeader: ({ node, parent, children }: NodeProps) => (
      <th scope={isHeaderRow(parent) ? "col" : "row"} {...spans(node)}>
        {children}
      </th>
    ),
    tableCell: ({ node, children }: NodeProps) => <td {...spans(node)}>{children}</td>,
  };
}

/**
 * Renders a stored article body on the server from its JSON document, with
 * the editor's own extensions: no stored HTML, nothing parsed or sanitized on
 * the read path, text and attributes escaped by React.
 */
export function renderArticleBody(stored: unknown, context: string): ReactNode {
  const { document, dropped } = pruneToSchema(stored);
  if (dropped.length > 0) {
    console.warn(`[content] ${context}: dropped unknown content before rendering: ${dropped.join(", ")}`);
  }
  const content = PMNode.fromJSON(schema, document);
  return renderToReactElement({ extensions: articleExtensions, content, options: { nodeMapping: tableMapping(content) } });
}
