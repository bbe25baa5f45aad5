import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { signedInPage } from "./support";

/*
 * The first moments of the editor, made long on purpose: the page's scripts
 * are held back, so the body is what the server sent until they are let
 * through. A click at the end of the story, Ctrl+End, Enter and text typed in
 * that window must all arrive, at the end, and typing on as the editor takes
 * over must follow them — not land where the click was, not vanish.
 */

const PARAGRAPHS = Array.from({ length: 14 }, (_, i) =>
  `Paragraph ${i + 1}: the council's transport committee heard evidence on the tram extension for most of the afternoon, and the chair said a decision would follow the consultation.`,
);
const LAST = "The committee meets again in March.";
const longBody = { type: "doc", content: [...PARAGRAPHS, LAST].map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };

/** Holds every script chunk of the page until released: the page cannot hydrate meanwhile. */
async function holdScripts(page: Page) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = { count: 0 };
  await page.route(/\/_next\/static\/chunks\/.+\.js/, async (route) => {
    held.count++;
    await gate;
    await route.continue();
  });
  return { held, release };
}

/** Clicks just after the last character of the body's last paragraph. */
async function clickAtTheEnd(page: Page) {
  const point = await page.getByRole("textbox", { name: "Body" }).evaluate(async (body) => {
    const paragraphs = body.querySelectorAll("p");
    const last = paragraphs[paragraphs.length - 1]!;
    last.scrollIntoView({ block: "center" });
    // A photo still loading would push the paragraph down between reading its place and clicking there (3 s at most).
    const loading = [...body.querySelectorAll("img")].filter((image) => !image.complete);
    await Promise.race([Promise.all(loading.map((image) => new Promise((done) => {
      image.addEventListener("load", done, { once: true });
      image.addEventListener("error", done, { once: true });
    }))), new Promise((done) => setTimeout(done, 3_000))]);
    last.scrollIntoView({ block: "center" });
    const text = last.lastChild!;
    const range = document.createRange();
    range.setStart(text, (text.textContent ?? "").length - 1);
    range.setEnd(text, (text.textContent ?? "").length);
    const rect = range.getBoundingClientRect();
    return { x: rect.right - 1, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
}

const paragraphsOnScreen = (page: Page) => page.getByRole("textbox", { name: "Body" }).locator("p").allInnerTexts();

test("a click at the end and text typed before the page is interactive all arrive, at the end, and typing carries on as the editor takes over", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Tram extension hearing ${Date.now()}`, body: longBody } })).json();
  const { held, release } = await holdScripts(reporter);
  await reporter.goto(`/newsroom/articles/${created.id}`, { waitUntil: "domcontentloaded" });

  // Not interactive yet (its scripts are held), and already a body one can type in, saying formatting is on its way.
  const body = reporter.getByRole("textbox", { name: "Body" });
  await expect(body).toBeVisible();
  await expect(body).toBeEditable();
  await expect(reporter.getByTestId("body-first-paint").getByRole("status")).toHaveText("Formatting tools are loading; you can already type.");
  expect(held.count).toBeGreaterThan(0);
  await expect(reporter.locator(".ProseMirror")).toHaveCount(0);

  await clickAtTheEnd(reporter);
  await reporter.keyboard.press("Control+End");
  await reporter.keyboard.press("Enter");
  await reporter.keyboard.type("Typed before the page was ready.");
  await expect(reporter.locator(".ProseMirror")).toHaveCount(0); // still the first paint: every key above went to it

  release();
  await expect(reporter.locator(".ProseMirror")).toBeVisible();
  await reporter.keyboard.type(" And typed on as it woke.");

  const expected = [...PARAGRAPHS, LAST, "Typed before the page was ready. And typed on as it woke."];
  await expect.poll(() => paragraphsOnScreen(reporter)).toEqual(expected);
  await expect(reporter.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  await expect(reporter.getByTestId("save-state")).toHaveText(/^Saved/);
  const saved = await (await reporter.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  const savedParagraphs = (saved.body.content as { content?: { text: string }[] }[]).map((block) => (block.content ?? []).map((run) => run.text).join(""));
  expect(savedParagraphs).toEqual(expected);
});

test("a click and keys on a story this person may not edit change nothing, before the page is interactive or after", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Submitted hearing ${Date.now()}`, body: longBody } })).json();
  expect((await reporter.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "submit" } })).ok()).toBe(true);
  const { release } = await holdScripts(reporter);
  await reporter.goto(`/newsroom/articles/${created.id}`, { waitUntil: "domcontentloaded" });

  const firstPaint = reporter.getByTestId("body-first-paint");
  await expect(firstPaint).toContainText(LAST);
  await expect(firstPaint.locator("[contenteditable]")).toHaveCount(0);
  await expect(firstPaint.getByRole("status")).toHaveCount(0);
  await firstPaint.getByText(LAST).click();
  await reporter.keyboard.type("Not mine to change.");

  release();
  await expect(reporter.locator(".ProseMirror")).toBeVisible();
  await expect(reporter.locator(".ProseMirror")).toHaveAttribute("contenteditable", "false");
  await expect(reporter.locator(".ProseMirror")).not.toContainText("Not mine to change.");
  const saved = await (await reporter.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  expect(JSON.stringify(saved.body)).not.toContain("Not mine to change.");
  expect(saved.version).toBe(created.version);
});

test("a story clicked in before the page is interactive, but not typed in, is not saved again", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const marked = (text: string, marks: object[] = []) => ({ type: "text", text, ...(marks.length > 0 && { marks }) });
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [marked("The mayor's “final” word & "), marked("a bold claim", [{ type: "bold" }]), marked(" — see "), marked("the minutes", [{ type: "link", attrs: { href: "https://example.com/minutes" } }]), marked(".")] },
      { type: "heading", attrs: { level: 2 }, content: [marked("What's next")] },
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [marked("Consultation <closes> in May")] }] }] },
      { type: "blockquote", content: [{ type: "paragraph", content: [marked("'It's done,' she said.")] }] },
      { type: "paragraph" },
    ],
  };
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Mayor's word ${Date.now()}`, body } })).json();
  expect(created.version).toBeGreaterThan(0);
  const { release } = await holdScripts(reporter);
  await reporter.goto(`/newsroom/articles/${created.id}`, { waitUntil: "domcontentloaded" });
  await reporter.getByRole("textbox", { name: "Body" }).getByText("What's next").click();
  release();
  await expect(reporter.locator(".ProseMirror")).toBeVisible();
  await expect(reporter.locator(".ProseMirror")).toBeFocused();
  await reporter.waitForTimeout(2_000); // longer than the autosave delay
  await expect(reporter.getByTestId("save-state")).toHaveText(/^Saved/);
  const after = await (await reporter.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  expect(after.version).toBe(created.version);
});

test("a photo in the body keeps its picture, alt text, caption and credit when text typed before the page is interactive is taken over", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><rect width="640" height="400" fill="#4f9b6a"/></svg>`;
  const media = await (await reporter.request.post("/api/v1/newsroom/media", { multipart: { file: { name: "quay.png", mimeType: "image/png", buffer: await sharp(Buffer.from(svg)).png().toBuffer() } } })).json();
  const photo = { type: "figure", attrs: { src: media.url, alt: "The quay at dawn", caption: "Boats & \"nets\" on the quay.", credit: "Jo Lindqvist" } };
  const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
  // A second photo marked decorative (issue #25): the mark survives the takeover too.
  const decorative = { type: "figure", attrs: { src: media.url, alt: "", caption: "", credit: "", decorative: true } };
  const body = { type: "doc", content: [paragraph("Above the photo."), photo, decorative, paragraph(LAST)] };
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Quay photo ${Date.now()}`, body } })).json();
  expect(created.version).toBeGreaterThan(0);

  const { release } = await holdScripts(reporter);
  await reporter.goto(`/newsroom/articles/${created.id}`, { waitUntil: "domcontentloaded" });
  await clickAtTheEnd(reporter);
  await reporter.keyboard.type(" Typed early.");
  release();
  await expect(reporter.locator(".ProseMirror")).toBeVisible();
  await expect(reporter.getByTestId("save-state")).toHaveText(/^Saved/);
  const saved = await (await reporter.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  // The editor writes every attribute of the photo, the decorative mark's and the focal point's defaults included.
  const unfocused = { focusX: null, focusY: null };
  expect(saved.body.content).toEqual([
    paragraph("Above the photo."),
    { ...photo, attrs: { ...photo.attrs, decorative: false, ...unfocused } },
    { ...decorative, attrs: { ...decorative.attrs, ...unfocused } },
    paragraph(`${LAST} Typed early.`),
  ]);
});
