import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";

/**
 * Puts a new photo where the person meant it: after the block the caret is
 * in — the whole paragraph, heading, list or quote, never inside or through
 * it — so a photo inserted mid-sentence never splits the sentence. An empty
 * paragraph is a place made for the photo: the photo goes there, above it,
 * and the caret stays in it, ready to go on typing under the photo.
 * Otherwise the caret stays where it was.
 */
export function insertFigure(tr: Transaction, figure: ProseMirrorNode): Transaction {
  const { $from, $to, to } = tr.selection;
  const inEmptyParagraph = $from.depth === 1 && $from.sameParent($to) && $from.parent.isTextblock && $from.parent.content.size === 0;
  if (inEmptyParagraph) return tr.insert($from.before(1), figure);
  // A selection between blocks (a gap cursor, a selected block) is already at the top level.
  return tr.insert($to.depth === 0 ? to : $to.after(1), figure);
}
