import { Node } from "@tiptap/core";

/**
 * An image inside the body, with its caption and credit: an atom the editor
 * inserts after an upload. Its `src` must point at our own stored media
 * (checked on save), so a body can never load a third-party image.
 *
 * `decorative` marks a photo that says nothing a reader would miss (a
 * texture, a divider): readers get it with `alt=""`, so a screen reader
 * passes over it instead of reading out a file name, and publishing does not
 * ask for its alt text. Strictly true or false (lib/content/validate.ts).
 */
export const Figure = Node.create({
  name: "figure",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: "" },
      alt: { default: "" },
      caption: { default: "" },
      credit: { default: "" },
      decorative: { default: false },
      // The subject's place as fractions of the photo (lib/media/crops.ts): cards of a story whose first
      // photo this is crop around it. Null: centred.
      focusX: { default: null },
      focusY: { default: null },
    };
  },
  parseHTML() {
    return [{ tag: "figure[data-figure]" }];
  },
  renderHTML({ node }) {
    const { src, alt, caption, credit, decorative } = node.attrs as Record<string, string> & { decorative: boolean };
    const text = [caption, credit ? `(Photo: ${credit})` : ""].filter(Boolean).join(" ");
    // A slot (no image yet) only ever shows in staff previews: publishing waits for its image.
    if (!src) return ["figure", { "data-figure": "", "data-photo-slot": "" }, ["figcaption", {}, `Photo to come: ${text}`]];
    // A decorative photo's alt is empty whatever text it still carries: the mark is what the desk decided.
    return ["figure", { "data-figure": "" }, ["img", { src, alt: decorative === true ? "" : alt, loading: "lazy" }], ["figcaption", {}, text]];
  },
});
