import { expect, test, type Locator, type Page } from "@playwright/test";
import { signedInPage, signIn } from "./support";

interface DocNode {
  type: string;
  text?: string;
  content?: DocNode[];
}

/** A paste as a person makes it: what the source application put on the system clipboard, then Ctrl+V (Chromium's own paste event). */
async function paste(page: Page, data: Record<string, string>) {
  await page.evaluate((entries) => navigator.clipboard.write([new ClipboardItem(Object.fromEntries(Object.entries(entries).map(([kind, value]) => [kind, new Blob([value], { type: kind })])))]), data);
  await page.keyboard.press("Control+V");
}

// A timeline as a web page shows it: a caption, a header row, a list inside a cell, a link in a cell.
const WEB_TABLE = `<p>Copied from the council's site:</p><table class="wikitable" style="width:100%"><caption>Phases</caption>
  <thead><tr><th>Phase</th><th>Dates</th></tr></thead>
  <tbody><tr><td>1</td><td>March–May</td></tr><tr><td><ul><li>2</li></ul></td><td><a href="https://council.example/phases#june">June</a></td></tr></tbody></table>`;

// A budget copied from a spreadsheet: tab-separated rows, a quoted cell with a line break — wide enough to scroll on a phone.
const COLUMNS = ["Item", "Cost", "Paid by", "Approved on", "Committee", "Vote", "Status", "Notes"];
const SHEET = [
  COLUMNS.join("\t"),
  ["Print", "£1,200", "Council", "12 March 2026", "Finance and resources", "7–2", "Paid", '"Two runs,\nsecond in colour"'].join("\t"),
  ["Web", "£800", "Trust", "19 March 2026", "Digital services", "9–0", "Pending", "Annual hosting and support"].join("\t"),
].join("\r\n");

const cellTexts = (table: Locator) => table.locator("tr").evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => `${cell.tagName.toLowerCase()}:${cell.textContent?.trim()}`)));

test("tables pasted from a web page and from a spreadsheet are edited, published and reach readers as accessible tables", async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await (await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] })).newPage();
  await signIn(editor, "editor@example.com");
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Tables story ${Date.now()}`, standfirst: "Dates and money, in tables." } })).json();
  await editor.goto(`/newsroom/articles/${created.id}`);
  const body = editor.getByRole("textbox", { name: "Body" });
  await body.click();
  await editor.keyboard.type("The plan, in two tables.");

  // 1. An HTML table from a web page: a real table with its header row, not "PhaseDates1March–May".
  await editor.keyboard.press("Enter");
  await paste(editor, { "text/html": WEB_TABLE, "text/plain": "Phase\tDates\n1\tMarch–May\n2\tJune" });
  const timeline = body.locator("table").filter({ hasText: "Phase" });
  await expect(timeline).toHaveCount(1);
  expect(await cellTexts(timeline)).toEqual([["th:Phase", "th:Dates"], ["td:1", "td:March–May"], ["td:2", "td:June"]]);
  await expect(body.getByText("Phases", { exact: true })).toBeVisible(); // the caption, now a paragraph above

  // 2. Spreadsheet cells (tab-separated text only), pasted on a new line under the first paragraph.
  await body.getByText("The plan, in two tables.").click();
  await editor.keyboard.press("End");
  await editor.keyboard.press("Enter");
  await paste(editor, { "text/plain": SHEET });
  const budget = body.locator("table").filter({ hasText: "Item" });
  await expect(budget).toHaveCount(1);
  const budgetRows = await cellTexts(budget);
  expect(budgetRows[0]).toEqual(COLUMNS.map((name) => `th:${name}`));
  expect(budgetRows[1]![7]).toBe("td:Two runs,second in colour"); // the quoted cell's two lines, two paragraphs
  expect(budgetRows).toHaveLength(3);

  // 3. Rows and columns, with the toolbar's buttons, where the caret is.
  const tools = editor.getByRole("group", { name: "Table" });
  await expect(tools).toHaveCount(0); // only with the caret in a table
  await budget.locator("td", { hasText: "Web" }).click();
  await expect(tools).toBeVisible();
  await tools.getByRole("button", { name: "Add row" }).click(); // below the caret's row
  await expect(budget.locator("tr")).toHaveCount(4);
  await budget.locator("tr").nth(3).locator("td").first().click();
  await editor.keyboard.type("Posters");
  await expect(budget.locator("tr").nth(3).locator("td").first()).toHaveText("Posters");
  await tools.getByRole("button", { name: "Add column" }).click(); // right of the caret's column
  await expect(budget.locator("tr").first().locator("th")).toHaveCount(9);
  await expect(budget.locator("tr").first().locator("th").nth(1)).toHaveText("");
  await budget.locator("tr").nth(1).locator("td").nth(1).click();
  await tools.getByRole("button", { name: "Delete column" }).click();
  await expect(budget.locator("tr").first().locator("th")).toHaveCount(8);
  expect((await cellTexts(budget))[0]).toEqual(COLUMNS.map((name) => `th:${name}`));
  await budget.locator("td", { hasText: "Posters" }).click();
  await tools.getByRole("button", { name: "Delete row" }).click();
  await expect(budget.locator("tr")).toHaveCount(3);
  await expect(budget).not.toContainText("Posters");
  // The header row goes and comes back; the button says which.
  const headerRow = tools.getByRole("button", { name: "Header row" });
  await expect(headerRow).toHaveAttribute("aria-pressed", "true");
  await headerRow.click();
  await expect(headerRow).toHaveAttribute("aria-pressed", "false");
  await expect(budget.locator("th")).toHaveCount(0);
  await headerRow.click();
  await expect(budget.locator("tr").first().locator("th")).toHaveCount(8);
  // Tab goes from cell to cell and, from the last cell, out of the body: no row is added behind a keyboard user's back.
  await budget.locator("tr").last().locator("td").nth(6).click();
  await editor.keyboard.press("Tab");
  await expect(body).toBeFocused();
  await editor.keyboard.press("Tab");
  await expect(body).not.toBeFocused();
  await expect(budget.locator("tr")).toHaveCount(3);

  // A new table from the toolbar, and deleting it again — from the keyboard.
  await body.getByText("The plan, in two tables.").click();
  await editor.keyboard.press("End");
  const insert = editor.getByRole("button", { name: "Table", exact: true });
  await insert.focus();
  await editor.keyboard.press("Enter");
  await expect(body.locator("table")).toHaveCount(3);
  const inserted = body.locator("table").first();
  expect(await cellTexts(inserted)).toEqual([["th:", "th:", "th:"], ["td:", "td:", "td:"], ["td:", "td:", "td:"]]);
  await expect(insert).toBeDisabled(); // no table inside a table
  await tools.getByRole("button", { name: "Delete table" }).focus();
  await editor.keyboard.press("Enter");
  await expect(body.locator("table")).toHaveCount(2);

  // Saved as the schema's nodes, cells never run together in the word count.
  await expect(editor.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });
  const saved = await (await editor.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  const tables = (saved.body.content as DocNode[]).filter((node) => node.type === "table");
  expect(tables).toHaveLength(2);
  for (const table of tables) expect(table.content![0]!.content!.every((cell) => cell.type === "tableHeader")).toBe(true);
  expect(JSON.stringify(saved.body)).toContain('"href":"https://council.example/phases#june"'); // links in cells are kept

  // 4. Published, and read on a phone by someone signed out.
  const published = await editor.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: saved.version } });
  expect(published.ok(), await published.text()).toBe(true);
  const reader = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await reader.goto(`/articles/${created.slug}`);
  const readerTimeline = reader.getByRole("region", { name: "Table 2 of 2: Phase, Dates" });
  await expect(readerTimeline).toBeVisible();
  expect(await readerTimeline.locator("thead th[scope=col]").allTextContents()).toEqual(["Phase", "Dates"]);
  expect(await cellTexts(readerTimeline.locator("tbody"))).toEqual([["td:1", "td:March–May"], ["td:2", "td:June"]]);
  await expect(readerTimeline.getByRole("link", { name: "June" })).toHaveAttribute("href", "https://council.example/phases#june");
  const readerBudget = reader.getByRole("region", { name: /^Table 1 of 2: Item, Cost, Paid by/ });
  await expect(readerBudget.getByRole("table")).toBeVisible();
  await expect(readerBudget.getByRole("columnheader", { name: "Approved on" })).toBeVisible();
  await expect(readerBudget.getByRole("cell", { name: "£1,200" })).toBeVisible();
  // The table scrolls sideways inside its region; the page itself does not.
  const widths = await readerBudget.evaluate((region) => ({ region: region.clientWidth, table: region.scrollWidth, page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.table).toBeGreaterThan(widths.region);
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  // Keyboard users reach the region and scroll it with the arrow keys.
  await readerBudget.focus();
  await expect(readerBudget).toBeFocused();
  await reader.keyboard.press("ArrowRight");
  await expect.poll(() => readerBudget.evaluate((region) => region.scrollLeft)).toBeGreaterThan(0);
});

test("a ragged table or a stray cell sent to the API is kept back, naming the problem, and the stored body stays", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Bad table ${Date.now()}` } })).json();
  const cell = (text: string) => ({ type: "tableCell", attrs: { colspan: 1, rowspan: 1 }, content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  const ragged = { type: "doc", content: [{ type: "table", content: [{ type: "tableRow", content: [cell("a"), cell("b")] }, { type: "tableRow", content: [cell("c")] }] }] };
  const stray = { type: "doc", content: [cell("outside")] };
  for (const [body, message] of [
    [ragged, /^Body: row 2 of a table is 1 column wide and the first row 2/],
    [stray, /^Body: a table cell \("tableCell"\) must be inside a table row/],
  ] as const) {
    const answer = await editor.request.patch(`/api/v1/newsroom/articles/${created.id}`, { data: { version: created.version, body } });
    const kept = ((await answer.json()).invalid ?? []) as { field: string; message: string }[];
    expect(kept.find((entry) => entry.field === "body")?.message).toMatch(message);
  }
  const stored = await (await editor.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  expect(JSON.stringify(stored.body)).not.toMatch(/tableCell/);
});

test("a pasted web table past the table limits is pasted as text, one line per row, and says so; Add column stops at the limit", async ({ browser }) => {
  const editor = await (await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] })).newPage();
  await signIn(editor, "editor@example.com");
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Wide table ${Date.now()}` } })).json();
  await editor.goto(`/newsroom/articles/${created.id}`);
  const body = editor.getByRole("textbox", { name: "Body" });
  await body.click();

  // 21 columns: one more than a table takes.
  const columns = Array.from({ length: 21 }, (_, index) => `C${index + 1}`);
  const wide = `<table><tr>${columns.map((name) => `<th>${name}</th>`).join("")}</tr><tr>${columns.map((name) => `<td>${name.toLowerCase()}</td>`).join("")}</tr></table>`;
  await paste(editor, { "text/html": wide, "text/plain": columns.join("\t") });
  await expect(editor.getByRole("status").filter({ hasText: "The pasted table" })).toContainText("The pasted table (2 rows, 21 columns) is more than a table takes");
  await expect(body.locator("table")).toHaveCount(0);
  await expect(body.getByText(columns.join(" | "), { exact: true })).toBeVisible();
  await expect(editor.getByTestId("save-state")).toHaveText(/^Saved/);
  const stored = JSON.stringify((await (await editor.request.get(`/api/v1/newsroom/articles/${created.id}`)).json()).body);
  expect(stored).toContain(columns.map((name) => name.toLowerCase()).join(" | "));

  // A 3 × 3 table widened to 20 columns: Add column is then off, and the save keeps the body.
  await editor.keyboard.press("Enter");
  const tools = editor.getByRole("group", { name: "Table" });
  await editor.getByRole("button", { name: "Table", exact: true }).click();
  const addColumn = tools.getByRole("button", { name: "Add column" });
  for (let added = 3; added < 20; added += 1) await addColumn.click();
  await expect(addColumn).toBeDisabled();
  await expect(body.locator("table tr").first().locator("th")).toHaveCount(20);
  await expect(editor.getByTestId("save-state")).toHaveText(/^Saved \d\d:\d\d \S+$/);
});
