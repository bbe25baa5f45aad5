import type { JSONContent } from "@tiptap/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SaveDraftInput } from "@/lib/articles/schemas";
import { DOCUMENT_LIMITS, HTML_LIMITS } from "@/lib/content/limits";
import { renderArticleBody } from "@/lib/content/render";
import { validateDocument } from "@/lib/content/validate";
import { countWords } from "@/lib/content/word-count";
import { AppError } from "@/lib/errors";
import { htmlToDocument } from "@/lib/ingest/html";
import { parseInput } from "@/lib/validation";

/** "CODE: message" for an AppError, "accepted" when nothing was thrown, and anything else (a RangeError, a heap crash) shown as the bug it is. */
const outcome = (run: () => unknown) => {
  try {
    run();
    return "accepted";
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : `threw ${String(error)}`;
  }
};
/** The outcome and how long it took: the caps are there so hostile input is refused before the work grows. */
const timed = (run: () => unknown) => {
  const started = performance.now();
  const result = outcome(run);
  return { result, ms: performance.now() - started };
};

const text = (value: string, marks?: unknown[]): JSONContent => ({ type: "text", text: value, ...(marks && { marks }) }) as JSONContent;
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const doc = (...content: JSONContent[]) => ({ type: "doc", content });
/** `levels` quotes inside each other around one paragraph: the deepest text sits at depth levels + 3. */
const quotes = (levels: number): JSONContent => {
  let node = p(text("deep"));
  for (let level = 0; level < levels; level += 1) node = { type: "blockquote", content: [node] };
  return node;
};
/** `levels` lists inside each other, each item opening with a paragraph: two nodes a level. */
const lists = (levels: number): JSONContent => {
  let node: JSONContent = p(text("deep"));
  for (let level = 0; level < levels; level += 1) node = { type: "bulletList", content: [{ type: "listItem", content: [p(text("item")), node] }] };
  return node;
};

describe("agency HTML within bounds", () => {
  it("treats bold, italic and a link as a set: a <b> inside a <b> adds nothing, and closing the inner one leaves the outer", () => {
    const { document } = htmlToDocument(`<p><b>one <b>two</b> three <strong>four</strong> five</b> six</p>`);
    expect(document.content).toEqual([p(text("one two three four five", [{ type: "bold" }]), text(" six"))]);
    expect(validateDocument(document)).toEqual(document);
  });

  it("writes marks in the editor's order, and a refused link's text without a link", () => {
    const { document, dropped } = htmlToDocument(`<p><i><b><a href="https://example.org">a</a> <a href="javascript:alert(1)">b</a></b></i></p>`);
    const link = { type: "link", attrs: { href: "https://example.org" } };
    expect(document.content).toEqual([p(text("a", [link, { type: "bold" }, { type: "italic" }]), text(" b", [{ type: "bold" }, { type: "italic" }]))]);
    expect(dropped).toEqual(["link to javascript:alert(1)"]);
  });

  it.each([
    ["32 KB of unclosed <b>x (the headline that took an instance's heap)", "<b>x".repeat(8 * 1024)],
    ["1 MB of unclosed <b>x", "<b>x".repeat(256 * 1024)],
    ["unclosed <b><i><a>, 32 KB", `<b><i><a href="https://example.org">x`.repeat(800)],
  ])("refuses %s in milliseconds, naming the depth cap", (_name, html) => {
    const { result, ms } = timed(() => htmlToDocument(html));
    expect(result).toBe(`VALIDATION: body: the HTML nests elements more than ${HTML_LIMITS.maxDepth} deep (tags left open?); at most ${HTML_LIMITS.maxDepth} are taken.`);
    expect(ms).toBeLessThan(1_000);
  });

  it("converts sloppy but real copy with a tag left open in every paragraph", () => {
    const html = Array.from({ length: 150 }, (_, index) => `<p><b>Point ${index}:</b> text <i>left open`).join("");
    const { result, ms } = timed(() => validateDocument(htmlToDocument(html).document));
    expect(result).toBe("accepted");
    expect(ms).toBeLessThan(1_000);
  });

  it.each([
    ["10,000 quotes inside each other", "<blockquote>".repeat(10_000) + "x"],
    ["10,000 lists inside each other", "<ul><li>".repeat(10_000) + "x"],
  ])("refuses %s with the document's depth, not a stack overflow", (_name, html) => {
    expect(outcome(() => htmlToDocument(html))).toBe(`VALIDATION: body: the HTML nests quotes and lists inside each other deeper than the ${DOCUMENT_LIMITS.maxDepth} levels a story may have.`);
  });

  it("takes quotes nested as deep as a story may have them", () => {
    const levels = DOCUMENT_LIMITS.maxDepth - 3;
    const { document } = htmlToDocument("<blockquote>".repeat(levels) + "<p>deep</p>");
    expect(document.content).toEqual([quotes(levels)]);
    expect(validateDocument(document)).toEqual(document);
    expect(outcome(() => htmlToDocument("<blockquote>".repeat(levels + 1) + "<p>deep</p>"))).toMatch(/^VALIDATION: body: the HTML nests quotes and lists/);
  });

  it("refuses more nodes than a body may hold, before building them all", () => {
    const { result, ms } = timed(() => htmlToDocument(`<p>${"x<br>".repeat(40_000)}</p>`));
    expect(result).toBe(`VALIDATION: body: the HTML makes more than 20,000 paragraphs, text runs and line breaks; at most 20,000 are taken.`);
    expect(ms).toBeLessThan(1_000);
  });

  it("stays linear on 200 KB of unbalanced markup that is not refused", () => {
    for (const html of ["<b>x</i>".repeat(25_000), "</b></i></a>x".repeat(16_000), "<b>x</b>".repeat(25_000), "<span><b>x</span>".repeat(11_000)]) {
      const { result, ms } = timed(() => htmlToDocument(html));
      expect.soft(result, html.slice(0, 20)).not.toMatch(/^threw/);
      expect.soft(ms, html.slice(0, 20)).toBeLessThan(2_000); // a shared 2-core machine; quadratic took minutes or the heap
    }
  });

  it.each([
    ["a NUL", "<p>a\u0000b</p>", "the HTML holds the control character U+0000; remove it."],
    ["another control character", "<p>a\u0007b</p>", "the HTML holds the control character U+0007; remove it."],
    ["a control character written as an entity", "<p>a&#1;b</p>", "the HTML's text holds the control character U+0001; remove it."],
    ["a lone surrogate", "<p>a\uD800b</p>", "the HTML is not valid Unicode (a lone surrogate, U+D800); send it as UTF-8 text."],
  ])("refuses %s, naming the character", (_name, html, reason) => {
    expect(outcome(() => htmlToDocument(html))).toBe(`VALIDATION: body: ${reason}`);
  });

  it("names the field it converts for", () => {
    expect(outcome(() => htmlToDocument("a\u0000", { field: "headline" }))).toBe("VALIDATION: headline: the HTML holds the control character U+0000; remove it.");
  });

  it("keeps tabs, line ends and a NUL written as an entity (the HTML standard reads &#0; as U+FFFD)", () => {
    expect(htmlToDocument("<p>a\tb\r\nc &#0;</p>").document.content).toEqual([p(text("a b c \uFFFD"))]);
  });

  it("lists a bounded number of dropped things", () => {
    const { dropped } = htmlToDocument(Array.from({ length: 120 }, (_, index) => `<x-${index}>t</x-${index}>`).join(""));
    expect(dropped).toHaveLength(HTML_LIMITS.maxDropped + 1);
    expect(dropped.at(-1)).toBe("and 70 more");
  });
});

describe("saved bodies within bounds", () => {
  it.each([
    ["5,000 lists inside each other", () => doc(lists(5_000))],
    ["100,000 quotes inside each other", () => doc(quotes(100_000))],
  ])("refuses %s as a 400 naming the depth, not a stack overflow", (_name, body) => {
    expect(outcome(() => validateDocument(body()))).toBe(`VALIDATION: body: nests deeper than ${DOCUMENT_LIMITS.maxDepth} levels (quotes and lists inside each other); at most ${DOCUMENT_LIMITS.maxDepth} are taken.`);
  });

  it("takes a body exactly as deep as the cap, and no deeper", () => {
    expect(outcome(() => validateDocument(doc(quotes(DOCUMENT_LIMITS.maxDepth - 3))))).toBe("accepted");
    expect(outcome(() => validateDocument(doc(quotes(DOCUMENT_LIMITS.maxDepth - 2))))).toMatch(/^VALIDATION: body: nests deeper/);
  });

  it("refuses more nodes than a body may hold, however small each is", () => {
    const breaks = doc(p(...Array.from({ length: DOCUMENT_LIMITS.maxNodes }, () => ({ type: "hardBreak" }))));
    expect(outcome(() => validateDocument(breaks))).toBe("VALIDATION: body: has more than 20,000 nodes (paragraphs, text runs, line breaks); at most 20,000 are taken.");
    const flat = { type: "doc", content: Array.from({ length: 1_000_000 }, () => ({ type: "hardBreak" })) };
    const { result, ms } = timed(() => validateDocument(flat));
    expect(result).toMatch(/^VALIDATION: body: has more than 20,000 nodes/);
    expect(ms).toBeLessThan(1_000);
  });

  it("refuses a text carrying thousands of marks quickly (ProseMirror's own check is quadratic in them)", () => {
    const { result, ms } = timed(() => validateDocument(doc(p(text("x", Array.from({ length: 30_000 }, () => ({ type: "bold" })))))));
    expect(result).toBe("VALIDATION: body: a text carries 30,000 marks; each of link, bold, italic is taken once.");
    expect(ms).toBeLessThan(500);
  });

  it.each([
    ["a NUL in a text", doc(p(text("before\u0000after"))), `the text "before\\u0000after" holds the control character U+0000; remove it.`],
    ["a control character in a photo caption", doc({ type: "figure", attrs: { src: "", alt: "", caption: "cap\u001Ftion", credit: "AP" } }), `"figure"'s "caption" holds the control character U+001F; remove it.`],
    ["a NUL in a link", doc(p(text("x", [{ type: "link", attrs: { href: "https://example.org/\u0000" } }]))), `the mark "link"'s "href" holds the control character U+0000; remove it.`],
    ["a lone surrogate", doc(p(text("\uDC00"))), `the text "\\udc00" is not valid Unicode (a lone surrogate, U+DC00); send it as UTF-8 text.`],
    ["a field the editor never writes, hiding deep nesting", doc({ ...p(text("x")), extra: quotes(10_000) }), `"paragraph" has the unknown field "extra".`],
    ["an attribute that is not a plain value", doc({ type: "heading", attrs: { level: { deep: quotes(10_000) } }, content: [text("x")] }), `"heading"'s "level" must be text, a number or null.`],
    ["content that is not a list", doc({ type: "paragraph", content: { length: 1e9 } } as unknown as JSONContent), `"paragraph" has malformed content.`],
  ])("refuses %s as a 400 naming it", (_name, body, reason) => {
    expect(outcome(() => validateDocument(body))).toBe(`VALIDATION: body: ${reason}`);
  });

  it("keeps tabs and line ends in text", () => {
    expect(outcome(() => validateDocument(doc(p(text("a\tb\nc\r\nd")))))).toBe("accepted");
  });
});

describe("stored bodies past the caps still render", () => {
  it("drops what is nested too deep instead of overflowing the stack (a row edited by hand, or older than the cap)", () => {
    const stored = doc(p(text("Kept.")), lists(5_000));
    const html = renderToStaticMarkup(<>{renderArticleBody(stored, "test")}</>);
    expect(html.startsWith("<p>Kept.</p><ul><li><p>item</p>")).toBe(true);
    expect(countWords(stored)).toBeGreaterThan(0);
  });
});

describe("text any field may hold", () => {
  it.each([
    ["a NUL in a headline", { headline: "Storm\u0000 hits" }, "headline: holds the control character U+0000; remove it."],
    ["a control character in a tag", { tags: ["ok", "bad\u0008"] }, "tags.1: holds the control character U+0008; remove it."],
    ["a NUL deep in a body", { body: doc(p(text("x\u0000"))) }, "body.content.0.content.0.text: holds the control character U+0000; remove it."],
  ])("refuses %s before it reaches PostgreSQL, naming the field", (_name, fields, message) => {
    const refused = outcome(() => parseInput(SaveDraftInput, { articleId: "a1", version: 1, ...fields }));
    expect(refused).toBe(`VALIDATION: ${message}`);
  });

  it("takes line ends and tabs, and walks a body nested thousands deep without overflowing", () => {
    expect(outcome(() => parseInput(SaveDraftInput, { articleId: "a1", version: 1, standfirst: "line\r\nline\tend" }))).toBe("accepted");
    expect(outcome(() => parseInput(SaveDraftInput, { articleId: "a1", version: 1, body: doc(lists(10_000)) }))).toBe("accepted");
  });
});
