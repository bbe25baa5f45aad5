import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import type { ReactNode } from "react";
import { pruneToSchema } from "./document";
import { articleExtensions } from "./extensions";

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
  return renderToReactElement({ extensions: articleExtensions, content: document });
}
