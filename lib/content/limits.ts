/**
 * How much one request may make us build, in one place. A story body is
 * checked (lib/content/validate.ts) and agency HTML converted
 * (lib/ingest/html.ts) within these caps; past one the answer is a 400
 * naming it, before any work grows with the input's shape. Each cap is far
 * beyond any real story and far below what would stall or crash an
 * instance: a hostile 32 KB of unclosed `<b>` once took the heap, a body
 * nested 5,000 deep overflowed the stack.
 */
export const DOCUMENT_LIMITS = {
  /**
   * Nodes inside nodes, the document itself being 1: doc › list › item ›
   * paragraph › text is 5; a list ten levels deep inside a quote is about 25.
   * Bounds every recursive walk (validator, renderer, word count) and JSON.stringify.
   */
  maxDepth: 64,
  /** Nodes in one body, text runs and line breaks included: a 15,000-word long read has about 3,000. */
  maxNodes: 20_000,
  /** The body as JSON (a long read is ~100 KB). */
  maxBytes: 512 * 1024,
} as const;

/**
 * How long each field a person types may be, in characters (UTF-16 code
 * units after trimming, as `fieldLength` counts and zod's `.max` checks).
 * One table for the save's whitelist (lib/articles/schemas.ts), the body's
 * photos (./validate.ts), ingest's fitting (lib/ingest/draft.ts), slugify
 * and the editor's "n / 200" counters, so the box and the server never disagree.
 */
export const FIELD_LIMITS = {
  headline: 200,
  standfirst: 600,
  slug: 80,
  /** a photo's alt text, hero or in the body */
  alt: 300,
  caption: 600,
  credit: 200,
  /** one tag's name, and how many tags a story takes */
  tag: 60,
  tags: 20,
  /** a live entry's optional title (the database holds the same line) */
  entryTitle: 200,
  /**
   * Search and social (empty: the headline, the standfirst). Search results
   * show about 60 characters of a title and 160 of a description; the limits
   * leave room for a sharing card's longer lines without admitting a second standfirst.
   */
  seoTitle: 120,
  description: 300,
} as const;
export type LimitedField = keyof typeof FIELD_LIMITS;

/** A field's length as the limits count it: what is left after trimming. */
export const fieldLength = (text: string) => text.trim().length;

/** "must be at most 200 characters (it has 288)": the words every limit is refused in, server and editor alike. */
export const tooLong = (limit: number, length: number) => `must be at most ${count(limit)} characters (it has ${count(length)})`;

/**
 * Tables in a body (lib/content/table.ts): the validator refuses past these,
 * the editor's paste and the ingest converter keep within them. A results
 * table of every constituency is a few hundred rows; more than a dozen
 * columns no phone reader can follow, even scrolling sideways.
 */
export const TABLE_LIMITS = {
  maxRows: 500,
  maxColumns: 20,
  /** Cells in one table, spans counted once: 500 rows of 10 columns. */
  maxCells: 5_000,
} as const;

export const HTML_LIMITS = {
  /**
   * Elements open inside each other while agency HTML is read. Browsers
   * stop nesting at the same depth (Chromium's parser: 512); sloppy copy
   * with an unclosed `<b>` per paragraph stays far below it.
   */
  maxDepth: 512,
  /** Entries in the "dropped" list an answer carries: enough to see what went, never the whole input again. */
  maxDropped: 50,
} as const;

export const PLAN_LIMITS = {
  /**
   * The desk's brief to the assignee: a few lines (the angle, who to call),
   * not a story. The database holds the same line (migration 20261207070000_plan_brief).
   */
  briefChars: 1_000,
} as const;

/**
 * C0 control characters other than tab, line feed and carriage return.
 * PostgreSQL refuses U+0000 in text and jsonb (the request would fail as a
 * 500); the rest are never typed, and XML (the feeds, the sitemaps) may not hold them.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** Half of a UTF-16 pair without its other half: JSON lets "\ud800" through, PostgreSQL's jsonb refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Why a piece of text cannot be stored, or null: a control character, or a lone surrogate (not Unicode at all). */
export function textProblem(text: string): string | null {
  const control = CONTROL.exec(text);
  if (control) return `holds the control character ${codePoint(control[0])}; remove it`;
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return `is not valid Unicode (a lone surrogate, ${codePoint(lone[0])}); send it as UTF-8 text`;
  return null;
}

/**
 * The first string anywhere in `input` (keys' values, however deep) that
 * cannot be stored, with its path ("body.content.0.text"), or null. Walked
 * with a stack of our own: a value nested thousands deep is a depth cap's
 * to refuse, not a stack overflow here; objects met twice are walked once.
 */
export function unstorableText(input: unknown): { path: string[]; problem: string } | null {
  type Entry = { value: unknown; key: string; parent: Entry | null };
  const pending: Entry[] = [{ value: input, key: "", parent: null }];
  const seen = new WeakSet<object>();
  while (pending.length > 0) {
    const entry = pending.pop()!;
    if (typeof entry.value === "string") {
      const problem = textProblem(entry.value);
      if (!problem) continue;
      const path: string[] = [];
      for (let at: Entry | null = entry; at?.parent; at = at.parent) path.unshift(at.key);
      return { path, problem };
    }
    if (typeof entry.value === "object" && entry.value !== null && !seen.has(entry.value)) {
      seen.add(entry.value);
      for (const [key, value] of Object.entries(entry.value)) pending.push({ value, key, parent: entry });
    }
  }
  return null;
}

/** "20,000": caps read the same in every message. */
export const count = (value: number) => value.toLocaleString("en-GB");
