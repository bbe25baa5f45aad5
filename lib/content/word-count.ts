/** Words read per minute for "reading time": a common newsroom figure for adult readers of news copy. */
export const WORDS_PER_MINUTE = 230;

interface DocumentNode {
  type?: string;
  text?: string;
  content?: DocumentNode[];
}

const BLOCK_END = Symbol("block end");

/**
 * Text of the story body as readers read it: paragraphs, headings, quotes,
 * lists — not photo captions. Walked with a stack of our own, so a stored
 * body of any depth is counted rather than overflowing the call stack.
 */
function collectText(root: DocumentNode, into: string[]): void {
  const pending: (DocumentNode | typeof BLOCK_END)[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    // Blocks end words: "end.Next" in two paragraphs is two words.
    if (node === BLOCK_END) {
      into.push(" ");
      continue;
    }
    if (typeof node.text === "string") into.push(node.text);
    if (node.type !== "text") pending.push(BLOCK_END);
    const children = Array.isArray(node.content) ? node.content : [];
    for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
  }
}

/** Words in a body document: runs of text holding at least one letter or digit ("—" is not a word, "2026" is). */
export function countWords(body: unknown): number {
  if (typeof body !== "object" || body === null) return 0;
  const parts: string[] = [];
  collectText(body as DocumentNode, parts);
  return parts.join("").split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Whole minutes, at least one for any text at all. */
export const readingMinutes = (words: number): number => (words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)));

/** "612 words · 3 min read" */
export const lengthLabel = (words: number): string => `${words} word${words === 1 ? "" : "s"} · ${readingMinutes(words)} min read`;
