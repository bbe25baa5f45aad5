import { Node } from "@tiptap/core";

/**
 * An image inside the body, with its caption and credit: an atom the editor
 * inserts after an upload. Its `src` must point at our own stored media
 * (checked on save), so a body can never load a third-party image.
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
    };
  },
  parseHTML() {
    return [{ tag: "figure[data-figure]" }];
  },
  renderHTML({ node }) {
    const { src, alt, caption, credit } = node.attrs as Record<string, string>;
    const text = [caption, credit ? `(Photo: ${credit})` : ""].filter(Boolean).join(" ");
    // A slot (no image yet) only ever shows in staff previews: publishing waits for its image.
    if (!src) return ["figure", { "data-figure": "", "data-photo-slot": "" }, ["figcaption", {}, `Photo to come: ${text}`]];
    return ["figure", { "data-figure": "" }, ["img", { src, alt, loading: "lazy" }], ["figcaption", {}, text]];
  },
});
