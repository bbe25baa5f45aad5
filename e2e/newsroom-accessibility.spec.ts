import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { axeFindings, failedAudits, withLighthouse } from "./quality";
import { signedInPage } from "./support";

/*
 * Every newsroom page, signed in as each role that may see it, has no
 * serious or critical axe finding — the editor with a hero photo and a photo
 * in the body, and with the last look open; pages in their working states
 * (forms open, links shown once) too — and scores 100 for accessibility in
 * Lighthouse, for each role. The editor's toolbar, Image form, link box,
 * photo fields and last look work from the keyboard alone.
 */
// In order, in one worker (Lighthouse loads both cores); a failure does not skip the checks after it.
test.describe.configure({ mode: "default" });
test.setTimeout(300_000);

type Role = "reporter" | "editor" | "admin";
const EMAILS: Record<Role, string> = { reporter: "reporter@example.com", editor: "editor@example.com", admin: "admin@example.com" };
const EVERYONE: Role[] = ["reporter", "editor", "admin"];
const EDITORS: Role[] = ["editor", "admin"];

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

/** A plain picture, as a file a person would pick. */
async function photoFile(colour: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><rect width="640" height="400" fill="${colour}"/></svg>`;
  return { name: "photo.png", mimeType: "image/png", buffer: await sharp(Buffer.from(svg)).png().toBuffer() };
}

/** A picture uploaded as `page`'s person. */
async function upload(page: Page, colour: string) {
  const file = await photoFile(colour);
  const response = await page.request.post("/api/v1/newsroom/media", { multipart: { file } });
  expect(response.ok()).toBe(true);
  return (await response.json()) as { id: string; url: string };
}

/** A reporter's story with a hero photo and a photo in the body, everything described. */
async function photoStory(reporter: Page, headline: string, { submit = false } = {}) {
  const [hero, inBody] = [await upload(reporter, "#4f9b6a"), await upload(reporter, "#3a5f8a")];
  const figure = { type: "figure", attrs: { src: inBody.url, alt: "The harbour wall at low tide", caption: "The wall was built in 1871.", credit: "Jo Lindqvist" } };
  const body = { type: "doc", content: [paragraph("Plain words here."), figure, paragraph("More words after the photo.")] };
  const response = await reporter.request.post("/api/v1/newsroom/articles", {
    data: { headline: `${headline} ${Date.now()}`, standfirst: "A story for the accessibility checks.", body, hero: { mediaId: hero.id, alt: "A green field by the harbour", caption: "The field in spring.", credit: "Sam Berg" } },
  });
  expect(response.ok()).toBe(true);
  const story = (await response.json()) as { id: string; version: number };
  if (submit) expect((await reporter.request.post(`/api/v1/newsroom/articles/${story.id}/transitions`, { data: { action: "submit", version: story.version } })).ok()).toBe(true);
  return story;
}

let pages: Record<Role, Page>;
let draft: { id: string };
let inReview: { id: string };
let liveDesk: { id: string };

/** Every newsroom page and who may see it; the editor shows the reporter's own draft, and editors the story in review. */
const newsroomPages = (role: Role) =>
  [
    { name: "dashboard", path: "/newsroom", roles: EVERYONE },
    { name: "editor", path: `/newsroom/articles/${role === "reporter" ? draft.id : inReview.id}`, roles: EVERYONE },
    { name: "new story", path: "/newsroom/articles/new", roles: EVERYONE },
    { name: "live desk", path: `/newsroom/articles/${liveDesk.id}`, roles: EVERYONE },
    { name: "queue", path: "/newsroom/queue/my-drafts", roles: EVERYONE },
    { name: "review queue", path: "/newsroom/queue/awaiting-review", roles: EVERYONE },
    { name: "budget", path: "/newsroom/budget", roles: EVERYONE },
    { name: "calendar", path: "/newsroom/calendar", roles: EVERYONE },
    { name: "inbox", path: "/newsroom/inbox", roles: EVERYONE },
    { name: "import", path: "/newsroom/import", roles: EVERYONE },
    { name: "front page", path: "/newsroom/front-page", roles: EDITORS },
    { name: "users", path: "/newsroom/users", roles: ["admin"] as Role[] },
    { name: "settings", path: "/newsroom/settings", roles: ["admin"] as Role[] },
    { name: "account", path: "/newsroom/account", roles: EVERYONE },
  ].filter((page) => page.roles.includes(role));

/** Opens a newsroom page and waits until it is interactive (the editor's body taken over by the live editor). */
async function open(page: Page, path: string) {
  const response = await page.goto(path, { waitUntil: "networkidle" });
  expect(response?.status(), path).toBe(200);
  // A live desk has two bodies (the entry composer's and the opening's): every one taken over.
  if (/^\/newsroom\/articles\/[^/]+$/.test(path)) {
    await expect(page.locator(".ProseMirror").first()).toBeVisible();
    await expect(page.getByTestId("body-first-paint")).toHaveCount(0);
  }
}

test.beforeAll(async ({ browser }) => {
  pages = {
    reporter: await signedInPage(browser, EMAILS.reporter),
    editor: await signedInPage(browser, EMAILS.editor),
    admin: await signedInPage(browser, EMAILS.admin),
  };
  draft = await photoStory(pages.reporter, "Accessibility draft");
  inReview = await photoStory(pages.reporter, "Accessibility review", { submit: true });
  // The reporter's live coverage, published, with a key event posted: the desk in use.
  const live = await (await pages.reporter.request.post("/api/v1/newsroom/articles", { data: { kind: "live", headline: `Accessibility live ${Date.now()}`, body: { type: "doc", content: [paragraph("The opening.")] } } })).json();
  expect((await pages.editor.request.post(`/api/v1/newsroom/articles/${live.id}/transitions`, { data: { action: "publish", version: live.version } })).ok()).toBe(true);
  expect((await pages.reporter.request.post(`/api/v1/newsroom/articles/${live.id}/entries`, { data: { title: "First update", body: { type: "doc", content: [paragraph("Crews are on the scene.")] }, keyEvent: true } })).ok()).toBe(true);
  liveDesk = live;
});

/** Serious and critical findings fail the check; the lesser ones are only printed, for the record. */
function record(name: string, found: { impact: string; text: string }[], counts: string[], findings: string[]) {
  const serious = found.filter(({ impact }) => impact === "serious" || impact === "critical");
  counts.push(`${name}: ${serious.length}`);
  findings.push(...serious.map(({ text }) => `${name}: ${text}`));
  for (const { impact, text } of found.filter((finding) => !serious.includes(finding))) console.log(`axe ${impact} (not failing), ${name}: ${text}`);
}

for (const role of EVERYONE) {
  test(`${role}: every newsroom page they may see has no serious or critical axe finding`, async () => {
    const page = pages[role];
    const findings: string[] = [];
    const counts: string[] = [];
    const check = async (name: string) => record(name, await axeFindings(page), counts, findings);
    for (const { name, path } of newsroomPages(role)) {
      await open(page, path);
      await check(name);
    }
    if (role !== "reporter") {
      // The last look: what readers will get, shown before publishing.
      await open(page, `/newsroom/articles/${inReview.id}`);
      await page.getByRole("button", { name: "Publish", exact: true }).click();
      await expect(page.getByText("Readers will get:")).toBeVisible();
      await check("editor with the last look open");
    }
    console.log(`axe serious/critical, ${role}: ${counts.join("; ")}`);
    expect(findings).toEqual([]);
  });
}

test("newsroom pages in their working states have no serious or critical axe finding", async () => {
  const { reporter, editor, admin } = pages;
  const findings: string[] = [];
  const counts: string[] = [];
  const check = async (page: Page, name: string) => record(name, await axeFindings(page), counts, findings);

  // Import: the draft it will make, then the editor with the photo slot it made.
  await open(reporter, "/newsroom/import");
  await reporter.getByLabel("The copy").fill(
    [`Harbour crane toppled by storm ${Date.now()}`, "Crews clear the wreck at the port on Monday (Photo: AP)", "A crane at the container port collapsed in the night.", "Contact our news team by emailing us at news@example.com."].join("\n\n"),
  );
  await reporter.getByRole("button", { name: "Preview the draft" }).click();
  await expect(reporter.getByRole("region", { name: "The draft it will make" })).toBeVisible();
  await check(reporter, "import, the draft shown");
  await reporter.getByRole("button", { name: "Create the draft" }).click();
  await expect(reporter.getByTestId("photo-slot")).toBeVisible();
  await check(reporter, "editor with a photo slot");

  // The editor's image form and link box open; a story with the editors, which its reporter only reads; its history.
  await open(reporter, `/newsroom/articles/${draft.id}`);
  await reporter.getByRole("button", { name: "Image", exact: true }).click();
  await check(reporter, "editor, image form open");
  // Focused, not clicked: the open form's focal-point preview grows as its picture loads, and a click meant for the body landed on it.
  await reporter.getByRole("textbox", { name: "Body" }).focus();
  await reporter.keyboard.press("Control+k");
  await expect(reporter.locator("input:focus")).toHaveCount(1);
  await check(reporter, "editor, link box open");
  // A story with a table, the caret in one of its cells: the toolbar's table buttons are shown.
  const table = [["Phase", "Dates"], ["Survey", "March–May"]].map((cells, row) => ({ type: "tableRow", content: cells.map((text) => ({ type: row === 0 ? "tableHeader" : "tableCell", attrs: { colspan: 1, rowspan: 1 }, content: [paragraph(text)] })) }));
  const tabled = await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Accessibility table ${Date.now()}`, body: { type: "doc", content: [paragraph("Before the table."), { type: "table", content: table }] } } });
  expect(tabled.ok()).toBe(true);
  await open(reporter, `/newsroom/articles/${(await tabled.json()).id}`);
  await reporter.getByRole("textbox", { name: "Body" }).getByText("March–May").click();
  await expect(reporter.getByRole("toolbar", { name: "Formatting" }).getByRole("group", { name: "Table" })).toBeVisible();
  await check(reporter, "editor, caret in a table");
  await open(reporter, `/newsroom/articles/${inReview.id}`);
  await check(reporter, "editor, read only");
  await open(reporter, `/newsroom/articles/${inReview.id}/history`);
  await check(reporter, "history");

  // An editor's questions before a move; a live story (corrections, share links); the inbox with news in it.
  await open(editor, `/newsroom/articles/${inReview.id}`);
  for (const action of ["Request changes", "Schedule"]) {
    await editor.getByRole("button", { name: action, exact: true }).click();
    await expect(editor.getByRole("form", { name: `${action}: confirm` })).toBeVisible();
    await check(editor, `editor, ${action.toLowerCase()} asked`);
    await editor.keyboard.press("Escape");
  }
  const live = await photoStory(editor, "Accessibility live story");
  expect((await editor.request.post(`/api/v1/newsroom/articles/${live.id}/transitions`, { data: { action: "publish", version: live.version } })).ok()).toBe(true);
  expect((await editor.request.post(`/api/v1/newsroom/articles/${live.id}/previews`, { data: {} })).ok()).toBe(true);
  await open(editor, `/newsroom/articles/${live.id}`);
  await check(editor, "editor, a live story");
  await open(editor, `/newsroom/articles/${live.id}/history`);
  await check(editor, "history of a live story");

  // The front page with a story pinned, not yet saved; a scheduled story being moved.
  await open(editor, "/newsroom/front-page");
  await editor.getByLabel("Pin a published story").selectOption({ index: 1 });
  await editor.getByRole("button", { name: "Pin", exact: true }).click();
  await check(editor, "front page, a pin unsaved");
  // A story scheduled two days ahead: this week's calendar or the next one shows it, with its Reschedule form.
  const scheduled = await photoStory(reporter, "Accessibility scheduled story", { submit: true });
  const publishAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
  expect((await editor.request.post(`/api/v1/newsroom/articles/${scheduled.id}/transitions`, { data: { action: "schedule", version: scheduled.version, publishAt } })).ok()).toBe(true);
  await open(editor, "/newsroom/calendar");
  const entry = editor.getByTestId("calendar-story").filter({ has: editor.locator(`a[href="/newsroom/articles/${scheduled.id}"]`) });
  if ((await entry.count()) === 0) {
    await editor.getByRole("link", { name: "Next week →" }).click();
    await expect(entry).toHaveCount(1);
  }
  await entry.getByRole("button", { name: "Reschedule" }).click();
  await expect(entry.getByRole("button", { name: "Move" })).toBeVisible();
  await check(editor, "calendar, rescheduling");

  // An admin's invitation link and new API token, shown once; the dashboard's list filtered to nothing.
  await open(admin, "/newsroom/users");
  const userForm = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Create user" }) });
  await userForm.getByLabel("Name").fill("Accessibility Check");
  await userForm.getByLabel("Email").fill(`a11y-${Date.now()}@example.com`);
  await userForm.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByTestId("invitation-url")).toBeVisible();
  await check(admin, "users, an invitation shown");
  await open(admin, "/newsroom/settings");
  const tokenForm = admin.getByRole("form", { name: "New API token" });
  await tokenForm.getByLabel("Name").fill(`Accessibility ${Date.now()}`);
  await tokenForm.getByRole("button", { name: "Create token" }).click();
  await expect(admin.getByTestId("new-token")).toBeVisible();
  await check(admin, "settings, a new token shown");
  await open(admin, "/newsroom?q=no-such-story-anywhere");
  await check(admin, "dashboard, nothing matches");

  console.log(`axe serious/critical, working states: ${counts.join("; ")}`);
  expect(findings).toEqual([]);
});

/** Tabs through a page from its top: every element that takes the focus shows it (an outline or a ring). */
async function focusWithoutIndicator(page: Page, most = 120): Promise<string[]> {
  const unseen: string[] = [];
  const seen = new Set<string>();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const outlined = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
      const ringed = style.boxShadow !== "none";
      const name = element.getAttribute("aria-label") ?? (element as HTMLInputElement).labels?.[0]?.innerText ?? element.innerText ?? "";
      const path = [];
      for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) path.unshift(node.tagName.toLowerCase());
      return { key: `${path.join(">")}#${Array.from(document.querySelectorAll("*")).indexOf(element)}`, label: `${element.tagName.toLowerCase()} "${name.trim().slice(0, 40)}"`, shown: outlined || ringed };
    });
    if (!focused || seen.has(focused.key)) break;
    seen.add(focused.key);
    if (!focused.shown) unseen.push(focused.label);
  }
  return unseen;
}

test("every newsroom page shows where the keyboard focus is", async () => {
  const page = pages.admin;
  const unseen: string[] = [];
  for (const { name, path } of newsroomPages("admin")) {
    await open(page, path);
    unseen.push(...(await focusWithoutIndicator(page)).map((element) => `${name}: ${element}`));
  }
  expect(unseen).toEqual([]);
});

for (const role of EVERYONE) {
  test(`${role}: every newsroom page they may see scores 100 for accessibility in Lighthouse`, async ({ playwright, launchOptions }) => {
    // One Lighthouse run per page, in one browser holding this person's session (what each role is shown differs).
    const cookies = await pages[role].context().cookies();
    const { failures, scores } = await withLighthouse(playwright, launchOptions, async (lighthouse) => {
      const found: string[] = [];
      const scored: string[] = [];
      for (const { name, path } of newsroomPages(role)) {
        // No full-page screenshot: it only illustrates the report, and costs time on every run.
        const lhr = await lighthouse(new URL(path, pages[role].url()).href, { onlyCategories: ["accessibility"], disableFullPageScreenshot: true });
        expect(lhr.finalDisplayedUrl, `${name} was not sent to the sign-in page`).not.toContain("/login");
        scored.push(`${name}: ${Math.round((lhr.categories.accessibility!.score ?? 0) * 100)}`);
        found.push(...failedAudits(lhr, "accessibility").map((audit) => `${name}: ${audit}`));
      }
      return { failures: found, scores: scored };
    }, { cookies });
    console.log(`Lighthouse accessibility, ${role}: ${scores.join("; ")}`);
    expect(failures).toEqual([]);
  });
}

/** Presses `key` (Tab or Shift+Tab) until `target` has the focus; fails naming what got it instead. */
async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab", most = 60) {
  const visited: string[] = [];
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
    visited.push(await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element ? `${element.tagName.toLowerCase()} "${(element.getAttribute("aria-label") ?? element.innerText ?? "").slice(0, 30)}"` : "nothing";
    }));
  }
  throw new Error(`${key} never reached ${target}; it went through ${visited.join(", ")}`);
}

async function savedStory(page: Page, id: string) {
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });
  return (await (await page.request.get(`/api/v1/newsroom/articles/${id}`)).json()) as { body: { content: { type: string; attrs?: Record<string, string>; content?: { text: string; marks?: { type: string; attrs?: Record<string, string> }[] }[] }[] }; heroImage: { altText: string; caption: string } | null; status: string };
}

test("the editor's toolbar, Image form and photo fields work from the keyboard alone", async ({ browser }) => {
  const reporter = await signedInPage(browser, EMAILS.reporter);
  const story = await photoStory(reporter, "Keyboard photo story");
  await open(reporter, `/newsroom/articles/${story.id}`);
  const body = reporter.getByRole("textbox", { name: "Body" });

  // Into the body, select its first line, back to the toolbar's Bold button, press it.
  await tabTo(reporter, body);
  await reporter.keyboard.press("Control+Home");
  await reporter.keyboard.press("Shift+End");
  await tabTo(reporter, reporter.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Bold" }), "Shift+Tab");
  await reporter.keyboard.press("Enter");
  await expect(body.locator("strong")).toHaveText("Plain words here.");

  // The photo in the body: its alt text and caption, then the hero photo's alt text and caption.
  const figure = reporter.locator("figure[data-figure]");
  for (const [field, text] of [
    [figure.getByLabel("Photo alt text"), "The harbour wall, seen from the beach"],
    [figure.getByLabel("Photo caption"), "The wall at low tide."],
    [reporter.getByRole("group", { name: "Hero image" }).getByLabel("Alt text"), "Cows in the field by the harbour"],
    [reporter.getByRole("group", { name: "Hero image" }).getByLabel("Caption"), "The field in May."],
  ] as const) {
    await tabTo(reporter, field);
    await reporter.keyboard.press("Control+A");
    await reporter.keyboard.type(text);
  }

  // Back to the toolbar's Image button: its form opens on the file field; Space picks a file, Tab to the alt text, Enter inserts.
  await tabTo(reporter, reporter.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Image", exact: true }), "Shift+Tab");
  await reporter.keyboard.press("Enter");
  const imageForm = reporter.getByRole("form", { name: "Image" });
  await expect(imageForm.getByLabel("Image file")).toBeFocused();
  const chooser = reporter.waitForEvent("filechooser");
  await reporter.keyboard.press("Space");
  await (await chooser).setFiles(await photoFile("#8a3a5f"));
  await reporter.keyboard.press("Tab");
  await expect(imageForm.getByLabel("Image alt text")).toBeFocused();
  await reporter.keyboard.type("A red boat in the harbour");
  await reporter.keyboard.press("Enter");
  await expect(imageForm).toHaveCount(0);
  await expect(figure).toHaveCount(2);

  const saved = await savedStory(reporter, story.id);
  expect(saved.body.content[0]!.content![0]).toMatchObject({ text: "Plain words here.", marks: [{ type: "bold" }] });
  const figures = saved.body.content.filter((node) => node.type === "figure").map((node) => node.attrs);
  expect(figures).toContainEqual(expect.objectContaining({ alt: "The harbour wall, seen from the beach", caption: "The wall at low tide." }));
  expect(figures).toContainEqual(expect.objectContaining({ alt: "A red boat in the harbour" }));
  expect(saved.heroImage).toMatchObject({ altText: "Cows in the field by the harbour", caption: "The field in May." });
});

test("the link box opens with Ctrl+K and the toolbar's Link button, applies with Enter and closes with Escape, keyboard only", async ({ browser }) => {
  const reporter = await signedInPage(browser, EMAILS.reporter);
  const story = await photoStory(reporter, "Keyboard link story");
  await open(reporter, `/newsroom/articles/${story.id}`);
  const body = reporter.getByRole("textbox", { name: "Body" });
  const focusedField = () => reporter.locator("input:focus");

  // Ctrl+K on a selection: a labelled address field takes the focus; Enter applies the link and returns to the text.
  await tabTo(reporter, body);
  await reporter.keyboard.press("Control+Home");
  await reporter.keyboard.press("Shift+End");
  await reporter.keyboard.press("Control+k");
  await expect(focusedField()).toHaveCount(1);
  await expect(focusedField()).toHaveAccessibleName(/link|address|url/i);
  await reporter.keyboard.type("example.org/source");
  await reporter.keyboard.press("Enter");
  await expect(body.locator('a[href="https://example.org/source"]')).toHaveText("Plain words here.");
  await expect(body).toBeFocused();

  // Escape closes the box without a link, and the text has the focus again.
  await reporter.keyboard.press("Control+End");
  await reporter.keyboard.press("Shift+Home");
  await reporter.keyboard.press("Control+k");
  await expect(focusedField()).toHaveCount(1);
  await reporter.keyboard.press("Escape");
  await expect(focusedField()).toHaveCount(0);
  await expect(body).toBeFocused();

  // The toolbar's Link button opens the same box.
  await tabTo(reporter, reporter.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Link" }), "Shift+Tab");
  await reporter.keyboard.press("Enter");
  await expect(focusedField()).toHaveAccessibleName(/link|address|url/i);
  await reporter.keyboard.type("https://example.org/after");
  await reporter.keyboard.press("Enter");
  await expect(body.locator('a[href="https://example.org/after"]')).toHaveText("More words after the photo.");

  const saved = await savedStory(reporter, story.id);
  const hrefs = saved.body.content.flatMap((node) => node.content ?? []).flatMap((text) => text.marks ?? []).map((mark) => mark.attrs?.href);
  expect(hrefs).toEqual(["https://example.org/source", "https://example.org/after"]);
});

test("the last look opens, cancels and publishes from the keyboard alone", async ({ browser }: { browser: Browser }) => {
  const reporter = await signedInPage(browser, EMAILS.reporter);
  const editor = await signedInPage(browser, EMAILS.editor);
  const story = await photoStory(reporter, "Keyboard last look", { submit: true });
  await open(editor, `/newsroom/articles/${story.id}`);
  const publish = editor.getByRole("button", { name: "Publish", exact: true });

  await tabTo(editor, publish);
  await editor.keyboard.press("Enter");
  await expect(editor.getByText("Readers will get:")).toBeVisible();
  // Cancel puts the focus back on the button that opened the last look.
  await tabTo(editor, editor.getByRole("button", { name: "Cancel" }));
  await editor.keyboard.press("Enter");
  await expect(editor.getByText("Readers will get:")).toHaveCount(0);
  await expect(publish).toBeFocused();

  // Escape closes it too, the focus back on the button.
  await editor.keyboard.press("Space");
  await expect(editor.getByText("Readers will get:")).toBeVisible();
  await editor.keyboard.press("Escape");
  await expect(editor.getByText("Readers will get:")).toHaveCount(0);
  await expect(publish).toBeFocused();

  // Confirm waits for the checks, then takes the focus from the question: Enter alone publishes.
  await editor.keyboard.press("Enter");
  await expect(editor.getByRole("button", { name: "Confirm publish" })).toBeFocused();
  await editor.keyboard.press("Enter");
  await expect.poll(async () => (await (await editor.request.get(`/api/v1/newsroom/articles/${story.id}`)).json()).status).toBe("PUBLISHED");
});
