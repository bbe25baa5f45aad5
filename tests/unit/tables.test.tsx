import type { JSONContent } from "@tiptap/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { documentRefusal } from "../support/document-refusal";
import { plainText } from "@/lib/content/document";
import { TABLE_LIMITS } from "@/lib/content/limits";
import { renderArticleBody } from "@/lib/content/render";
import { tsvRows, tsvToTable } from "@/lib/content/tsv-table";
import { validateDocument } from "@/lib/content/validate";
import { countWords } from "@/lib/content/word-count";
import { htmlToDocument } from "@/lib/ingest/html";
import { parseNinjs } from "@/lib/ingest/ninjs";
import { parsePlainText } from "@/lib/ingest/plain-text";

const text = (value: string) => ({ type: "text", text: value });
const p = (value?: string) => ({ type: "paragraph", ...(value && { content: [text(value)] }) });
const cell = (value: string, attrs: Record<string, unknown> = { colspan: 1, rowspan: 1 }) => ({ type: "tableCell", attrs, content: [p(value)] });
const header = (value: string, attrs: Record<string, unknown> = { colspan: 1, rowspan: 1 }) => ({ type: "tableHeader", attrs, content: [p(value)] });
const row = (...cells: unknown[]) => ({ type: "tableRow", content: cells });
const table = (...rows: unknown[]) => ({ type: "table", content: rows });
const doc = (...content: unknown[]) => ({ type: "doc", content }) as JSONContent;

const timeline = table(row(header("Phase"), header("Dates")), row(cell("1"), cell("March–May")), row(cell("2"), cell("June")));


describe("tables in the document schema", () => {
  it("accepts the editor's tables: a header row, a header column, spans, marks and links in cells", () => {
    expect(documentRefusal(doc(p("Before."), timeline, p("After.")))).toBe("accepted");
    const linked = { type: "paragraph", content: [{ type: "text", text: "source", marks: [{ type: "link", attrs: { href: "https://example.org" } }, { type: "bold" }] }] };
    const spanning = table(
      row(header("Region", { colspan: 1, rowspan: 2 }), header("Votes", { colspan: 2, rowspan: 1 })),
      row(header("Yes"), header("No")),
      row(header("North"), cell("10"), { type: "tableCell", attrs: { colspan: 1, rowspan: 1 }, content: [linked, p()] }),
    );
    expect(documentRefusal(doc(spanning))).toBe("accepted");
    // Cells without attrs (spans 1) are the same table.
    expect(documentRefusal(doc(table(row({ type: "tableCell", content: [p("x")] }))))).toBe("accepted");
  });

  it.each([
    ["a table without rows", doc(table()), /a table needs at least one row/],
    ["a paragraph where a row goes", doc(table(p("loose"))), /a table holds rows only, not "paragraph"/],
    ["a row without cells", doc(table(row(cell("a")), row())), /row 2 of a table has no cells/],
    ["a cell outside a row", doc(cell("stray")), /a table cell \("tableCell"\) must be inside a table row/],
    ["a header cell directly in a table", doc(table(header("x"))), /a table holds rows only, not "tableHeader"/],
    ["a row outside a table", doc(row(cell("x"))), /a table row \("tableRow"\) must be inside a table/],
    ["a row in a cell's place", doc(table(row(row(cell("x"))))), /a table row holds cells only/],
    ["a list in a cell", doc(table(row({ type: "tableCell", content: [{ type: "bulletList", content: [{ type: "listItem", content: [p("x")] }] }] }))), /body:/],
    ["a table in a cell", doc(table(row({ type: "tableCell", content: [table(row(cell("x")))] }))), /body:/],
    ["a cell with no paragraph", doc(table(row({ type: "tableCell", content: [] }))), /body:/],
    ["a ragged table", doc(table(row(header("A"), header("B"), header("C")), row(cell("1"), cell("2")))), /row 2 of a table is 2 columns wide and the first row 3/],
    ["a row wider than the first", doc(table(row(cell("1")), row(cell("1"), cell("2")))), /row 2 of a table is 2 columns wide and the first row 1/],
    ["overlapping spans", doc(table(row(cell("a", { colspan: 1, rowspan: 2 }), cell("b")), row(cell("c", { colspan: 2, rowspan: 1 })))), /row 2 of a table is 3 columns wide and the first row 2/],
    ["a span past the last row", doc(table(row(cell("a", { colspan: 1, rowspan: 3 }), cell("b")), row(cell("c")))), /spans down past the table's last row/],
    ["a span of zero", doc(table(row(cell("a", { colspan: 0, rowspan: 1 })))), /colspan must be a whole number from 1 to 20; it is 0/],
    ["a fractional span", doc(table(row(cell("a", { colspan: 1, rowspan: 1.5 })))), /rowspan must be a whole number/],
    ["a span given as text", doc(table(row(cell("a", { colspan: "2", rowspan: 1 })))), /colspan must be a whole number from 1 to 20; it is "2"/],
    ["column widths", doc(table(row(cell("a", { colspan: 1, rowspan: 1, colwidth: [100] })))), /"tableCell"'s "colwidth" must be text, a number or null/],
    ["an inline style", doc(table(row(cell("a", { colspan: 1, rowspan: 1, style: "color:red" })))), /does not take the attribute "style"/],
    ["too many columns", doc(table(row(...Array.from({ length: TABLE_LIMITS.maxColumns + 1 }, (_, index) => cell(String(index)))))), /more than 20 columns wide/],
    ["a span wider than the cap", doc(table(row(cell("a", { colspan: 999, rowspan: 1 })))), /colspan must be a whole number from 1 to 20; it is 999/],
    ["too many rows", doc(table(...Array.from({ length: TABLE_LIMITS.maxRows + 1 }, () => row({ type: "tableCell", content: [p()] })))), /a table has 501 rows; at most 500 are taken/],
    [
      "too many cells",
      doc(table(...Array.from({ length: 300 }, () => row(...Array.from({ length: 20 }, () => ({ type: "tableCell", content: [p()] })))))),
      /a table has more than 5,000 cells/,
    ],
  ])("refuses %s, naming it", (_name, input, message) => {
    const answer = documentRefusal(input);
    expect(answer).toMatch(/^VALIDATION: body: /);
    expect(answer).toMatch(message);
  });

  it("keeps cells apart in plain text and counts their words", () => {
    const body = doc(p("Timeline."), timeline);
    expect(plainText(body)).toBe("Timeline.\n\nPhase\tDates\n1\tMarch–May\n2\tJune");
    expect(plainText(body)).not.toContain("PhaseDates");
    expect(countWords(body)).toBe(7);
  });
});

describe("readers' tables", () => {
  const html = (body: unknown) => renderToStaticMarkup(<>{renderArticleBody(body, "test")}</>);

  it("has a header row as thead with column headers, the rest in tbody, in a named, focusable scrolling region", () => {
    const out = html(doc(timeline));
    expect(out).toBe(
      '<div class="table-scroll" role="region" aria-label="Table: Phase, Dates" tabindex="0"><table>' +
        '<thead><tr><th scope="col"><p>Phase</p></th><th scope="col"><p>Dates</p></th></tr></thead>' +
        "<tbody><tr><td><p>1</p></td><td><p>March–May</p></td></tr><tr><td><p>2</p></td><td><p>June</p></td></tr></tbody>" +
        "</table></div>",
    );
  });

  it("gives row headers scope=row, keeps spans, and names several tables apart", () => {
    const first = table(row(header("Region"), header("Votes", { colspan: 2, rowspan: 1 })), row(header("North"), cell("10"), cell("12")));
    const second = table(row(cell("no"), cell("header")));
    const out = html(doc(first, p("Between."), second));
    expect(out).toContain('aria-label="Table 1 of 2: Region, Votes"');
    // React writes colSpan; HTML attribute names are case-insensitive.
    expect(out).toContain('<th scope="col" colSpan="2"><p>Votes</p></th>');
    expect(out).toContain('<th scope="row"><p>North</p></th>');
    expect(out).toContain('aria-label="Table 2 of 2"');
    // A table without a header row has no thead.
    expect(out).toMatch(/aria-label="Table 2 of 2" tabindex="0"><table><tbody><tr><td><p>no<\/p><\/td>/);
  });

  it("escapes what is in cells", () => {
    expect(html(doc(table(row(cell("<script>alert(1)</script>")))))).toContain("&lt;script&gt;");
  });
});

describe("spreadsheet cells (tab-separated text)", () => {
  it("reads rows, empty cells and quoted cells as spreadsheets write them", () => {
    expect(tsvRows("Phase\tDates\r\n1\tMarch–May\r\n")).toEqual([["Phase", "Dates"], ["1", "March–May"]]);
    expect(tsvRows("a\t\tc\n\tb\t")).toEqual([["a", "", "c"], ["", "b", ""]]);
    expect(tsvRows('"two\nlines"\t"say ""hi"""\nx\ty')).toEqual([["two\nlines", 'say "hi"'], ["x", "y"]]);
    // A quote that does not close a field is text as typed.
    expect(tsvRows('"quoted" not\tb\n5" screen\tc')).toEqual([['"quoted" not', "b"], ['5" screen', "c"]]);
  });

  it("makes a table with a header row, filling short rows", () => {
    const result = tsvToTable("Phase\tDates\tNote\n1\tMarch–May\n2\t");
    expect(result).toMatchObject({ ok: true, rows: 3, columns: 3 });
    if (!result?.ok) throw new Error("not a table");
    expect(result.table.content?.[0]?.content?.map((c) => c.type)).toEqual(["tableHeader", "tableHeader", "tableHeader"]);
    expect(result.table.content?.[2]?.content?.[1]).toEqual({ type: "tableCell", attrs: { colspan: 1, rowspan: 1 }, content: [{ type: "paragraph" }] });
    // What it makes is a table the validator takes.
    expect(documentRefusal(doc(result.table))).toBe("accepted");
    expect(plainText(doc(result.table))).toBe("Phase\tDates\tNote\n1\tMarch–May\t\n2\t\t");
  });

  it("puts a cell's lines in paragraphs", () => {
    const result = tsvToTable('Name\tNote\nA\t"first\nsecond"');
    if (!result?.ok) throw new Error("not a table");
    expect(result.table.content?.[1]?.content?.[1]?.content).toEqual([p("first"), p("second")]);
  });

  it("leaves ordinary text alone", () => {
    expect(tsvToTable("Just a sentence.")).toBeNull();
    expect(tsvToTable("one\ttab on one line")).toBeNull();
    expect(tsvToTable("a\tb\nno tab here")).toBeNull();
    expect(tsvToTable("")).toBeNull();
  });

  it("refuses more than a table takes, saying so", () => {
    const wide = `${Array.from({ length: 21 }, (_, index) => `c${index}`).join("\t")}\n${"x\t".repeat(20)}x`;
    expect(tsvToTable(wide)).toMatchObject({ ok: false, reason: expect.stringMatching(/21 columns.*at most 500 rows, 20 columns/) });
    const long = Array.from({ length: 100_000 }, (_, index) => `${index}\tx`).join("\n");
    expect(tsvToTable(long)).toMatchObject({ ok: false, reason: expect.stringMatching(/100,000 rows/) });
  });
});

describe("tables in agency and page HTML (ingest)", () => {
  const cells = (node: JSONContent | undefined) => node?.content?.map((r) => r.content?.map((c) => `${c.type === "tableHeader" ? "th" : "td"}:${plainText(c)}`));

  it("reads a table as the body's table: th as header cells, a caption above, a list in a cell as paragraphs, never 'PhaseDates1March'", () => {
    const { document, dropped } = htmlToDocument(
      "<p>Intro</p><table><caption>Phases</caption><thead><tr><th>Phase</th><th>Dates</th></tr></thead><tbody>" +
        '<tr><td>1</td><td><ul><li>March</li><li>May</li></ul></td></tr><tr><td><b>2</b></td><td><a href="https://example.org/june">June</a></td></tr></tbody></table><p>After</p>',
    );
    expect(document.content?.map((node) => node.type)).toEqual(["paragraph", "paragraph", "table", "paragraph"]);
    expect(plainText(document.content![1]!)).toBe("Phases");
    expect(cells(document.content![2])).toEqual([["th:Phase", "th:Dates"], ["td:1", "td:March May"], ["td:2", "td:June"]]);
    expect(JSON.stringify(document)).not.toContain("PhaseDates");
    expect(dropped).toEqual([]);
    expect(validateDocument(document)).toEqual(document);
    expect(renderToStaticMarkup(<>{renderArticleBody(document, "test")}</>)).toContain('<th scope="col"><p>Phase</p></th>');
  });

  it.each([
    ["minified cells, no tbody", "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>", [["th:A", "th:B"], ["td:1", "td:2"]], []],
    ["spans that make a grid are kept", '<table><tr><th colspan="2">Votes</th></tr><tr><td>1</td><td>2</td></tr></table>', [["th:Votes"], ["td:1", "td:2"]], []],
    ["spans that do not line up are dropped, short rows filled", '<table><tr><td colspan="3">a</td></tr><tr><td>b</td><td>c</td></tr></table>', [["td:a", "td:"], ["td:b", "td:c"]], [/spans that did not line up/]],
    ["a hostile span is 1", '<table><tr><td colspan="99999" rowspan="-4">a</td><td>b</td></tr></table>', [["td:a", "td:b"]], []],
    ["a table in a cell becomes its words", "<table><tr><td>a<table><tr><td>x</td><td>y</td></tr></table></td><td>b</td></tr></table>", [["td:a x y", "td:b"]], [/a table inside a table cell/]],
    ["text outside the cells gets a cell", "<table>loose<tr><p>p1</p><h2>p2</h2></tr></table>", [["td:loose"], ["td:p1 p2"]], []],
    ["an unclosed table still closes", "<table><tr><td>unclosed", [["td:unclosed"]], []],
  ])("%s", (_name, html, expected, notes) => {
    const { document, dropped } = htmlToDocument(html);
    const found = document.content?.find((node) => node.type === "table");
    // Only the first row's width is compared for spanning headers; the validator checks the grid.
    expect(cells(found)).toEqual(expected);
    expect(dropped).toEqual(notes.map((note) => expect.stringMatching(note)));
    expect(validateDocument(document)).toEqual(document);
  });

  it("leaves out tables without cells, and keeps stray cells' words apart", () => {
    expect(htmlToDocument("<table></table><p>x</p><table><tr></tr></table>").document.content).toEqual([p("x")]);
    const { document, dropped } = htmlToDocument("<td>stray</td><tr><td>other</td></tr>");
    expect(document.content).toEqual([p("stray other")]);
    expect(dropped).toEqual(["<td>", "<tr>"]);
  });

  it("keeps a table too big for one as text, a line per row, cells apart", () => {
    const wide = `<table><tr>${"<td>c</td>".repeat(TABLE_LIMITS.maxColumns + 1)}</tr><tr><td>d</td></tr></table>`;
    const { document, dropped } = htmlToDocument(wide);
    expect(document.content).toEqual([p(Array.from({ length: TABLE_LIMITS.maxColumns + 1 }, () => "c").join(" | ")), p("d")]);
    expect(dropped).toEqual([expect.stringMatching(/a table of 2 rows and 21 columns, more than a table takes.*kept as text/)]);
    expect(validateDocument(document)).toEqual(document);
  });

  it("a table where no table may stand (between list items) is read as words", () => {
    const { document, dropped } = htmlToDocument("<blockquote><table><tr><td>q</td></tr></table></blockquote><ul><li>a</li><table><tr><td>x</td></tr></table></ul>");
    expect(document.content?.[0]?.content?.[0]?.type).toBe("table");
    expect(dropped).toContain("<table> where a table cannot stand (its words kept)");
    expect(validateDocument(document)).toEqual(document);
  });

  it("an agency item's results table reaches the draft as a table the save takes", () => {
    const draft = parseNinjs({
      uri: "urn:newsml:example.org:20261207:results-1",
      type: "text",
      headlines: [{ role: "main", value: "Council results" }],
      bodies: [{ role: "main", contenttype: "text/html", value: "<p>The count ended at dawn.</p><table><tr><th>Party</th><th>Seats</th></tr><tr><td>Green</td><td>12</td></tr></table>" }],
    });
    expect(cells(draft.body.content?.find((node) => node.type === "table"))).toEqual([["th:Party", "th:Seats"], ["td:Green", "td:12"]]);
    expect(draft.dropped).toEqual([]);
    expect(validateDocument(draft.body)).toEqual(draft.body);
  });

  it("stays fast on a big table, and on thousands of tables one after another", () => {
    // 2,500 cells: the 512 KB body cap (about 110 bytes of JSON a cell) comes before TABLE_LIMITS.maxCells.
    const big = `<table>${`<tr>${"<td>cell</td>".repeat(10)}</tr>`.repeat(250)}</table>`;
    let started = performance.now();
    const { document } = htmlToDocument(big);
    expect(document.content?.[0]?.content).toHaveLength(250);
    expect(validateDocument(document)).toEqual(document);
    const many = "<table><tr><td>a</td><td>b</td></tr></table>".repeat(2_000);
    expect(htmlToDocument(many).document.content).toHaveLength(2_000);
    expect(performance.now() - started).toBeLessThan(2_000);
    // Past the node cap: refused, naming it, as any other HTML.
    started = performance.now();
    expect(() => htmlToDocument(`<table>${"<tr><td>x</td></tr>".repeat(10_000)}</table>`)).toThrow(/more than 20,000/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  // A saved page goes through the plain-text reader, which keeps sentences: a table's short cells are left out there, never run together.
  it("a saved page's table never reaches the plain-text draft as run-on text", () => {
    const page = "<html><body><article><h1>Fees stay</h1><p>The council voted on Tuesday to keep fees where they are.</p><table><tr><th>Fee</th><th>Cost</th></tr><tr><td>Parking</td><td>£2</td></tr></table></article></body></html>";
    const text = JSON.stringify(parsePlainText(page).body);
    expect(text).not.toMatch(/FeeCost|Parking£2|<t[dhr]/);
    expect(text).toContain("keep fees where they are");
  });
});
