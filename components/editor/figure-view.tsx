"use client";

import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { useState } from "react";
import { Figure } from "@/lib/content/figure";
import { FIELD_LIMITS } from "@/lib/content/limits";
import { LimitedField } from "./limited-field";
import { CENTRE, figureFraming } from "@/lib/media/crops";
import { FocalPoint } from "./hero-framing";
import { PhotoRights } from "./photo-rights";
import { UPLOAD_HINT, uploadImageFile } from "./upload-image";

const FIELDS = [
  ["alt", "Photo alt text"],
  ["caption", "Photo caption"],
  ["credit", "Photo credit"],
] as const;

/**
 * A photo in the body as the editor shows it: the image, and its alt text,
 * caption and credit as fields edited in place. Typing in a field changes
 * that text only: the field keeps its events from the editor, so a keystroke
 * can never replace the photo. Each shows its count as its limit nears (the
 * save keeps back a body whose photo text is past it). Beside the alt text,
 * "Decorative": ticking it clears and disables the alt text (readers get an
 * empty alt, and publishing no longer asks for one).
 */
function FigureView({ node, updateAttributes, deleteNode, editor }: ReactNodeViewProps) {
  const attrs = node.attrs as Record<string, string>;
  const decorative = node.attrs.decorative === true;
  return (
    <NodeViewWrapper as="figure" data-figure="" className="my-4 rounded border border-rule bg-[#faf9f6] p-2 font-sans text-sm" contentEditable={false}>
      {attrs.src && editor.isEditable ? (
        // Where the subject is: a story without a hero shows its first photo on cards, cropped around this point.
        <FocalPoint
          url={attrs.src}
          alt={decorative ? "" : attrs.alt}
          focus={figureFraming(node.attrs)?.focus ?? CENTRE}
          disabled={false}
          quietHint
          onChange={(focus) => updateAttributes({ focusX: focus.x, focusY: focus.y })}
        />
      ) : attrs.src ? (
        // eslint-disable-next-line @next/next/no-img-element -- our own stored variant, shown as uploaded
        <img src={attrs.src} alt={decorative ? "" : attrs.alt} className="w-full rounded" draggable={false} />
      ) : (
        <PhotoSlot editable={editor.isEditable} onImage={(src) => updateAttributes({ src })} onRemove={deleteNode} />
      )}
      {editor.isEditable ? (
        <div className="mt-2 grid gap-1 sm:grid-cols-3">
          {FIELDS.map(([key, label]) => (
            <div key={key} className="text-xs">
              <LimitedField
                label={label}
                value={attrs[key] ?? ""}
                limit={FIELD_LIMITS[key]}
                disabled={key === "alt" && decorative}
                onChange={(text) => updateAttributes({ [key]: text })}
                inputClassName="block w-full rounded border border-rule px-2 py-1 disabled:bg-[#f0eee8]"
              />
              {key === "alt" && (
                <label className="mt-1 flex items-center gap-1">
                  <input type="checkbox" className="h-6 w-6 shrink-0" checked={decorative} onChange={(event) => updateAttributes(event.target.checked ? { decorative: true, alt: "" } : { decorative: false })} />
                  Decorative (no alt text needed)
                </label>
              )}
            </div>
          ))}
        </div>
      ) : (
        <figcaption className="mt-1 text-muted">{[attrs.caption, attrs.credit ? `(Photo: ${attrs.credit})` : ""].filter(Boolean).join(" ")}</figcaption>
      )}
      {attrs.src && <PhotoRights src={attrs.src} editable={editor.isEditable} />}
    </NodeViewWrapper>
  );
}

/**
 * A caption that came with ingested copy, waiting for its photo: upload the
 * image here, or remove the slot. Publishing waits until one or the other.
 */
function PhotoSlot({ editable, onImage, onRemove }: { editable: boolean; onImage: (src: string) => void; onRemove: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function upload(file: File) {
    setBusy(true);
    const result = await uploadImageFile(file);
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    setProblem(null);
    onImage(result.data.url);
  }
  return (
    <div data-testid="photo-slot" className="rounded border-2 border-dashed border-amber-600 bg-amber-50 p-3 text-amber-900">
      <p className="font-semibold">Photo to be added — publishing waits for it</p>
      {editable && (
        <div className="mt-2 flex flex-wrap items-center gap-3 text-xs">
          <label>
            Add the image <input type="file" accept="image/*" disabled={busy} onChange={(event) => event.target.files?.[0] && void upload(event.target.files[0])} className="block" />
            <span className="block">{UPLOAD_HINT}</span>
          </label>
          <button type="button" onClick={onRemove} className="rounded border border-amber-700 px-2 py-1">Remove slot</button>
          {busy && <span>Uploading…</span>}
        </div>
      )}
      {problem && <p role="alert" className="mt-1 text-accent">{problem}</p>}
    </div>
  );
}

const isField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (["INPUT", "LABEL", "BUTTON"].includes(target.tagName) || target.closest("[data-limited-field]") !== null);

/** The body's photo node with the in-place fields: the same schema as the stored and rendered one. */
export const EditableFigure = Figure.extend({
  // A click on the photo must not select it as a whole: the next keystroke would replace it.
  selectable: false,
  addNodeView() {
    return ReactNodeViewRenderer(FigureView, { stopEvent: ({ event }) => isField(event.target) });
  },
});
