import type { JSONContent } from "@tiptap/core";
import { figureFraming, type PhotoFraming } from "./crops";

export interface FirstPhoto {
  src: string;
  alt: string;
  decorative: boolean;
  framing: PhotoFraming | null;
}

/**
 * The body's first photo: what a card shows of a story without a hero. Only
 * top-level figures count (a figure is a block of its own in the editor),
 * and a photo slot still waiting for its image does not.
 */
export function firstPhotoOf(body: unknown): FirstPhoto | null {
  const figure = ((body as JSONContent | null)?.content ?? []).find((node) => node.type === "figure" && typeof node.attrs?.src === "string" && node.attrs.src !== "");
  if (!figure) return null;
  return { src: String(figure.attrs!.src), alt: String(figure.attrs!.alt ?? ""), decorative: figure.attrs!.decorative === true, framing: figureFraming(figure.attrs) };
}
