import { getSchema, type JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { insertFigure } from "@/components/editor/insert-figure";
import { articleExtensions } from "@/lib/content/extensions";

const schema = getSchema(articleExtensions);
const paragraph = (text?: string): JSONContent => ({ type: "paragraph", ...(text && { content: [{ type: "text", text }] }) });
const list = (...items: string[]): JSONContent => ({ type: "bulletList", content: items.map((item) => ({ type: "listItem", content: [paragraph(item)] })) });
const photo = schema.nodes.figure!.create({ src: "/media/images/abc/1280.webp", alt: "A ferry" });

/** The body after inserting the photo with the caret at the first occurrence of `at` (plus `offset`), and the text around the caret after. */
function insertAt(content: JSONContent[], at: string, offset = 0) {
  const doc = Node.fromJSON(schema, { type: "doc", content });
  let caret = -1;
  doc.descendants((node, pos) => {
    if (caret < 0 && node.isText && node.text!.includes(at)) caret = pos + node.text!.indexOf(at) + offset;
  });
  if (caret < 0) {
    doc.descendants((node, pos) => {
      if (caret < 0 && node.isTextblock && node.content.size === 0) caret = pos + 1;
    });
  }
  const state = EditorState.create({ doc, selection: TextSelection.create(doc, caret) });
  const after = state.apply(insertFigure(state.tr, photo));
  const { $from } = after.selection;
  return {
    blocks: after.doc.toJSON().content.map((block: JSONContent) => (block.type === "figure" ? "FIGURE" : `${block.type}: ${Node.fromJSON(schema, block).textContent}`)),
    caret: `${$from.parent.textContent.slice(0, $from.parentOffset)}|${$from.parent.textContent.slice($from.parentOffset)}`,
  };
}

describe("insertFigure(): a photo goes after the block the caret is in", () => {
  it("puts a photo inserted mid-paragraph after the paragraph, which stays whole, and leaves the caret where it was", () => {
    expect(insertAt([paragraph("The ferry left at noon."), paragraph("Then it rained.")], "left")).toEqual({
      blocks: ["paragraph: The ferry left at noon.", "FIGURE", "paragraph: Then it rained."],
      caret: "The ferry |left at noon.",
    });
  });

  it("puts it after a whole list or quote, never inside", () => {
    expect(insertAt([list("one", "two"), paragraph("after")], "one", 1).blocks).toEqual(["bulletList: onetwo", "FIGURE", "paragraph: after"]);
    const quote = { type: "blockquote", content: [paragraph("Said here."), paragraph("And here.")] };
    expect(insertAt([quote], "Said", 2).blocks).toEqual(["blockquote: Said here.And here.", "FIGURE"]);
  });

  it("fills an empty paragraph made for it, above the caret, which stays there for what comes next", () => {
    expect(insertAt([paragraph("Before."), paragraph(), paragraph("After.")], "no such text")).toEqual({
      blocks: ["paragraph: Before.", "FIGURE", "paragraph: ", "paragraph: After."],
      caret: "|",
    });
  });

  it("goes after the last block a selection reaches", () => {
    const doc = Node.fromJSON(schema, { type: "doc", content: [paragraph("First one."), paragraph("Second one."), paragraph("Third.")] });
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, 3, 16) });
    const after = state.apply(insertFigure(state.tr, photo));
    expect(after.doc.child(2).type.name).toBe("figure");
    expect(after.doc.child(1).textContent).toBe("Second one.");
  });
});
