import { expect, test, type Page } from "@playwright/test";
import { invitePerson, signedInPage } from "./support";

/**
 * Issue #23, point 4, through the production build: the words on the desk say
 * what happens — the heading names the story, Save is not "Save draft" past a
 * draft, a submit says who was told, Preview opens a new tab, Archive stands
 * apart and asks first, opening a story reads its notices, "Also open by …"
 * goes when the other person leaves, and a clarification's form speaks of a
 * clarification and tells the author.
 */
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const api = (id: string) => `/api/v1/newsroom/articles/${id}`;
const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const badge = (page: Page) => page.getByTestId("status-badge").first();
const saveState = (page: Page) => page.getByTestId("save-state");

test("the editor names the story, saves as a draft, previews in a new tab, and a submit says who was told", async ({ browser }) => {
  const headline = `Lighthouse keeper retires after ${Date.now() % 100000} nights`;
  const reporter = await signedInPage(browser, "reporter@example.com");
  await reporter.getByRole("link", { name: "New article" }).click();
  await expect(heading(reporter)).toHaveText("New story");
  await expect(reporter.getByRole("heading", { name: "New article" })).toHaveCount(0);

  // The heading follows the headline as it is typed.
  await reporter.getByLabel("Headline", { exact: true }).click();
  await reporter.keyboard.type(headline);
  await expect(heading(reporter)).toHaveText(headline);
  await reporter.getByRole("button", { name: "Save draft", exact: true }).click();
  await expect(reporter).toHaveURL(/\/newsroom\/articles\/(?!new$)\w+$/);
  await expect(saveState(reporter)).toHaveText(/^Saved/);
  const articleUrl = reporter.url();
  const id = articleUrl.split("/").at(-1)!;
  await expect(heading(reporter)).toHaveText(headline);

  // A saved story without a headline is "Untitled story", never "New story".
  await reporter.getByLabel("Headline", { exact: true }).fill("");
  await expect(heading(reporter)).toHaveText("Untitled story");
  await reporter.getByLabel("Headline", { exact: true }).fill(headline);
  await expect(saveState(reporter)).toHaveText(/^Saved/, { timeout: 15_000 });

  // Preview opens in a new tab; the editor stays where it was.
  const preview = reporter.getByRole("link", { name: "Preview (opens in a new tab)" });
  const [tab] = await Promise.all([reporter.context().waitForEvent("page"), preview.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toContain(`/preview/articles/${id}`);
  await expect(tab.getByRole("heading", { name: headline })).toBeVisible();
  await tab.close();
  expect(reporter.url()).toBe(articleUrl);

  // Submitting says who was told: the desk (every editor, as the story has no desk editor yet), not the reporter.
  await reporter.getByRole("button", { name: "Submit for review" }).click();
  await expect(badge(reporter)).toHaveText("In review");
  const done = reporter.getByTestId("move-done");
  await expect(done).toHaveText(/^Sent for review — told .+\.$/);
  await expect(done).toContainText("Dana Whitfield");
  await expect(done).toContainText("Sam Ito");
  await expect(done).not.toContainText("Maya Okafor");

  // An editor opening it in review sees its headline, and "Save", which says readers see nothing yet.
  const editor = await signedInPage(browser, "editor@example.com");
  await editor.goto(articleUrl);
  await expect(heading(editor)).toHaveText(headline);
  await expect(editor).toHaveTitle(`${headline} · Copydesk newsroom`);
  const save = editor.getByRole("button", { name: "Save", exact: true });
  await expect(save).toBeVisible();
  await expect(editor.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await expect(save).toHaveAccessibleDescription("Readers see nothing until it is published.");
  await editor.getByLabel("Standfirst").fill("He kept the light for thirty-one years.");
  await save.click();
  await expect(saveState(editor)).toHaveText(/^Saved/);
  await expect(badge(editor)).toHaveText("In review");
});

test("Archive stands apart from Publish and asks first: Cancel (or Escape) keeps the story, Confirm archives it", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Pier closure ${Date.now()}`, body: doc("Words.") } })).json();
  await editor.goto(`/newsroom/articles/${created.id}`);
  await expect(badge(editor)).toHaveText("Draft");
  const archive = editor.getByRole("button", { name: "Archive", exact: true });
  const publish = editor.getByRole("button", { name: "Publish", exact: true });
  await expect(archive).toBeVisible();
  expect(await archive.evaluate((node, other) => node.parentElement === other!.parentElement, await publish.elementHandle()), "not in Publish's row").toBe(false);

  // Asked, then cancelled by mouse: nothing happens.
  await archive.click();
  const question = editor.getByRole("form", { name: "Archive: confirm" });
  await expect(question).toContainText("Archive this story?");
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(question).toHaveCount(0);
  await expect(badge(editor)).toHaveText("Draft");

  // By keyboard: the question takes the focus, Escape cancels and gives it back.
  await archive.focus();
  await editor.keyboard.press("Enter");
  const confirm = question.getByRole("button", { name: "Confirm archive" });
  await expect(confirm).toBeFocused();
  await editor.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(archive).toBeFocused();
  await editor.reload();
  await expect(badge(editor)).toHaveText("Draft");
  expect((await (await editor.request.get(api(created.id))).json()).status).toBe("DRAFT");

  // Confirmed (Enter on the focused confirm): archived.
  await archive.focus();
  await editor.keyboard.press("Enter");
  await expect(confirm).toBeFocused();
  await editor.keyboard.press("Enter");
  await expect(badge(editor)).toHaveText("Archived");
  await expect(editor.getByTestId("move-done")).toHaveText("Archived.");
  expect((await (await editor.request.get(api(created.id))).json()).status).toBe("ARCHIVED");
});

test("'Also open by' goes within seconds of the other person moving on or closing the tab", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Harbour dredging ${Date.now()}`, body: doc("Words.") } })).json();
  await editor.goto(`/newsroom/articles/${created.id}`);
  const admin = await signedInPage(browser, "admin@example.com");
  await admin.goto(`/newsroom/articles/${created.id}`);
  const note = editor.getByRole("note").filter({ hasText: "Also open by" });
  await expect(note).toContainText("Also open by Sam Ito", { timeout: 15_000 });

  // Moving on inside the newsroom (no page unload, the editor just goes away) says so too.
  let leftAt = Date.now();
  await admin.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(admin).toHaveURL(/\/newsroom$/);
  await expect(note).toHaveCount(0, { timeout: 8_000 });
  expect(Date.now() - leftAt).toBeLessThan(8_000);
  test.info().annotations.push({ type: "gone after moving on (ms)", description: String(Date.now() - leftAt) });
  await admin.goBack();
  await expect(note).toContainText("Also open by Sam Ito", { timeout: 15_000 });

  // Closed as a person closes a tab. Without the leave it would take the expiry (15 s) and a beat: at least 10 s after closing.
  await admin.close({ runBeforeUnload: true });
  leftAt = Date.now();
  await expect(note).toHaveCount(0, { timeout: 8_000 });
  expect(Date.now() - leftAt).toBeLessThan(8_000);
  test.info().annotations.push({ type: "gone after closing the tab (ms)", description: String(Date.now() - leftAt) });
});

test("a clarification's form speaks of a clarification and tells the author, whose unread count drops when they open the story", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await signedInPage(browser, "admin@example.com");
  // A reporter of their own, so no other test's notice lands in the inbox counted here.
  const person = await invitePerson(browser, admin, "Reporter");
  const writer = await signedInPage(browser, person.email, person.password);
  const headline = `Ferry fares frozen ${Date.now()}`;
  const created = await (await writer.request.post("/api/v1/newsroom/articles", { data: { headline, body: doc("Fares stay the same next year.") } })).json();
  const editor = await signedInPage(browser, "editor@example.com");
  expect((await editor.request.post(`${api(created.id)}/transitions`, { data: { action: "publish", version: created.version } })).ok()).toBe(true);

  await editor.goto(`/newsroom/articles/${created.id}`);
  await expect(editor.getByLabel("Correction note")).toBeVisible();
  await editor.getByLabel("Kind").selectOption({ label: "Clarification" });
  await expect(editor.getByLabel("Correction note")).toHaveCount(0);
  await editor.getByLabel("Clarification note").fill("The freeze covers foot passengers; car fares are set in March.");
  await editor.getByRole("button", { name: "Add clarification" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Clarification added" })).toHaveText(`Clarification added; readers see it now. Told ${person.name}.`);
  await expect(editor.getByLabel("Correction note"), "the form starts again as a correction").toBeVisible();

  // The author hears of it (and of the publish): two unread, both about this story.
  await writer.goto("/newsroom/inbox");
  await expect(writer.getByRole("link", { name: "Inbox, 2 unread" })).toBeVisible();
  const notice = writer.getByRole("listitem").filter({ hasText: "added a clarification" });
  await expect(notice).toContainText("Dana Whitfield added a clarification to");
  await expect(notice).toContainText("car fares are set in March");
  // Seeing the link is not opening the story: whatever the router prefetches while the inbox is shown reads nothing.
  await writer.waitForLoadState("networkidle");
  expect((await (await writer.request.get("/api/v1/newsroom/notifications")).json()).unread).toBe(2);

  // Opening the story from the notice reads them: the count drops to none.
  await notice.getByRole("link", { name: "Open the story" }).click();
  await expect(writer).toHaveURL(new RegExp(`/newsroom/articles/${created.id}$`));
  await expect(heading(writer)).toHaveText(headline);
  await expect(writer.getByRole("link", { name: "Inbox, 0 unread" })).toBeVisible();
  await writer.goto("/newsroom/inbox");
  await expect(writer.getByTestId("inbox-unread")).toHaveText("0 unread");
});
