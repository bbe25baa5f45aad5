"use client";

import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { Figure } from "@/lib/content/figure";

const FIELDS = [
  ["alt", "Photo alt text"],
  ["caption", "Photo caption"],
  ["credit", "Photo credit"],
] as const;

/**
 * A photo in the body as the editor shows it: the image, and its alt text,
 * caption and credit as fields edited in place. Typing in a field changes
 * that text only: the field keeps its events from the editor, so a keystroke
 * can never replace the photo.
 */
function FigureView({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const attrs = node.attrs as Record<string, string>;
  return (
    <NodeViewWrapper as="figure" data-figure="" className="my-4 rounded border border-rule bg-[#faf9f6] p-2 font-sans text-sm" contentEditable={false}>
      {/* eslint-disable-next-line @next/next/no-img-element -- our own stored variant, shown as uploaded */}
      <img src={attrs.src} alt={attrs.alt} className="w-full rounded" draggable={false} />
      {editor.isEditable ? (
        <div className="mt-2 grid gap-1 sm:grid-cols-3">
          {FIELDS.map(([key, label]) => (
            <label key={key} className="text-xs">
              {label}
              <input value={attrs[key] ?? ""} onChange={(event) => updateAttributes({ [key]: event.target.value })} className="block w-full rounded border border-rule px-2 py-1" />
            </label>
          ))}
        </div>
      ) : (
        <figcaption className="mt-1 text-muted">{[attrs.caption, attrs.credit ? `(Photo: ${attrs.credit})` : ""].filter(Boolean).join(" ")}</figcaption>
      )}
    </NodeViewWrapper>
  );
}

const isField = (target: EventTarget | null) => target instanceof HTMLElement && ["INPUT", "LABEL"].includes(target.tagName);

/** The body's photo node with the in-place fields: the same schema as the stored and rendered one. */
export const EditableFigure = Figure.extend({
  // A click on the photo must not select it as a whole: the next keystroke would replace it.
  selectable: false,
  addNodeView() {
    return ReactNodeViewRenderer(FigureView, { stopEvent: ({ event }) => isField(event.target) });
  },
});
