import { getSchema } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import type { ReactNode } from "react";
import { ReaderImageTag } from "@/components/reader/reader-image";
import type { Size } from "@/lib/media/crops";
import { imageFolder } from "@/lib/media/image";
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

/** How a body's photos are shown: each photo's upright size by its folder, and what every image address carries (a share link's token). */
export interface BodyPhotos {
  sizes: Record<string, Size>;
  query: string;
}

/**
 * Readers' photos in a body: a `<picture>` of renditions with its size (a
 * photo whose size is unknown keeps its stored address), the caption in the
 * captions' own smaller, muted type and the credit apart from it, so nobody
 * reads a caption as copy. A slot still waiting for its image shows nothing.
 */
function figureMapping(photos: BodyPhotos) {
  return {
    figure: ({ node }: NodeProps) => {
      const { src, alt, caption, credit, decorative } = node.attrs as { src: string; alt: string; caption: string; credit: string; decorative: boolean };
      if (!src) return null;
      const folder = imageFolder(src);
      const size = folder ? photos.sizes[folder] : undefined;
      const shownAlt = decorative === true ? "" : alt;
      return (
        <figure className="photo">
          {folder && size ? (
            <ReaderImageTag image={{ folder, ...size, framing: null }} alt={shownAlt} sizes="(min-width: 768px) 768px, 100vw" className="h-auto w-full" query={photos.query} />
          ) : (
            // eslint-disable-next-line @next/next/no-img-element -- an address stored before renditions, served as it is
            <img src={`${src}${photos.query}`} alt={shownAlt} loading="lazy" className="h-auto w-full" />
          )}
          {(caption || credit) && (
            <figcaption className="photo-caption">
              {caption}
              {caption && credit && " "}
              {credit && <span className="photo-credit">Photo: {credit}</span>}
            </figcaption>
          )}
        </figure>
      );
    },
  };
}

/**
 * Renders a stored article body on the server from its JSON document, with
 * the editor's own extensions: no stored HTML, nothing parsed or sanitized on
 * the read path, text and attributes escaped by React.
 */
export function renderArticleBody(stored: unknown, context: string, photos: BodyPhotos = { sizes: {}, query: "" }): ReactNode {
  const { document, dropped } = pruneToSchema(stored);
  if (dropped.length > 0) {
    console.warn(`[content] ${context}: dropped unknown content before rendering: ${dropped.join(", ")}`);
  }
  const content = PMNode.fromJSON(schema, document);
  return renderToReactElement({ extensions: articleExtensions, content, options: { nodeMapping: { ...tableMapping(content), ...figureMapping(photos) } } });
}
