import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signedInPage } from "./support";

const body = (page: Page) => page.getByRole("textbox", { name: "Body" });
const saveState = (page: Page) => page.getByTestId("save-state");

async function storyText(page: Page, id: string) {
  const story = await (await page.request.get(`/api/v1/newsroom/articles/${id}`)).json();
  return `${story.headline}\n${JSON.stringify(story.body)}`;
}

test("a new story typed and left at once by the header's Dashboard link is in My drafts with its text", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const headline = `Harbour crane toppled in storm ${Date.now()}`;
  await reporter.getByRole("link", { name: "New article" }).click();
  await expect(saveState(reporter)).toHaveText("New story: it becomes a draft as soon as you type");
  await reporter.getByLabel("Headline", { exact: true }).fill(headline);
  await body(reporter).click();
  await reporter.keyboard.type("The crane fell across the quay at dawn.");
  await reporter.getByRole("link", { name: "Dashboard" }).click();

  await expect(reporter).toHaveURL(/\/newsroom$/);
  const drafts = reporter.getByRole("region", { name: /^My drafts/ });
  await drafts.getByRole("link", { name: headline }).click();
  await expect(body(reporter)).toContainText("The crane fell across the quay at dawn.");
  await expect(saveState(reporter)).toHaveText(/^Saved \d\d:\d\d E[SD]T$/);
});

test("a story started in the body is a draft at once, untitled until it has a headline, and cannot be submitted untitled", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  await reporter.goto("/newsroom/articles/new");
  await body(reporter).click();
  await reporter.keyboard.type("Notes first, headline later.");
  await expect(reporter).toHaveURL(/\/newsroom\/articles\/(?!new$)\w+$/);
  await expect(saveState(reporter)).toHaveText(/^Saved/);
  const id = reporter.url().split("/").at(-1)!;
  const refused = await reporter.request.post(`/api/v1/newsroom/articles/${id}/transitions`, { data: { action: "submit" } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toContain("headline");
  await reporter.goto("/newsroom/queue/my-drafts");
  await expect(reporter.getByRole("link", { name: "Untitled draft" }).first()).toBeVisible();
});

test("typing on a saved story and leaving by Back or by signing out at once loses nothing", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Back button story ${Date.now()}` } })).json();
  await reporter.goto("/newsroom");
  await reporter.goto(`/newsroom/articles/${created.id}`);
  await body(reporter).click();
  await reporter.keyboard.type("Typed a moment before Back.");
  await reporter.goBack();
  await expect(reporter).toHaveURL(/\/newsroom$/);
  await expect.poll(() => storyText(reporter, created.id)).toContain("Typed a moment before Back.");

  await reporter.goto(`/newsroom/articles/${created.id}`);
  await body(reporter).click();
  await reporter.keyboard.press("Control+End");
  await reporter.keyboard.type(" And a moment before signing out.");
  await reporter.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(reporter).toHaveURL(/\/login/);
  const editor = await signedInPage(browser, "editor@example.com");
  expect(await storyText(editor, created.id)).toContain("And a moment before signing out.");
});

test("when the session ends mid-edit, a sign-in box opens over the editor and the text is then saved", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Session story ${Date.now()}` } })).json();
  await reporter.goto(`/newsroom/articles/${created.id}`);
  await expect(saveState(reporter)).toHaveText(/^Saved/);
  await reporter.context().clearCookies();
  await body(reporter).click();
  await reporter.keyboard.type("Written after the session ended.");

  const dialog = reporter.getByRole("dialog", { name: "Sign in to keep working" });
  await expect(dialog).toBeVisible();
  await expect(saveState(reporter)).toHaveText("Signed out — kept on this device");
  await dialog.getByLabel("Email").fill("reporter@example.com");
  await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
  await dialog.getByRole("button", { name: "Sign in" }).click();
  await expect(dialog).toBeHidden();
  await expect(saveState(reporter)).toHaveText(/^Saved/);
  expect(reporter.url()).toContain(`/newsroom/articles/${created.id}`);
  expect(await storyText(reporter, created.id)).toContain("Written after the session ended.");
});

test("offline, the work is kept on the device; after the tab is closed, opening the story offers it back with a compare", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Offline story ${Date.now()}` } })).json();
  await reporter.goto(`/newsroom/articles/${created.id}`);
  await expect(saveState(reporter)).toHaveText(/^Saved/);
  await reporter.context().setOffline(true);
  await body(reporter).click();
  await reporter.keyboard.type("Typed on the train with no signal.");
  await expect(saveState(reporter)).toHaveText("Offline — kept on this device");
  // The save a closing tab sends (keepalive) outlives the page, and with it Chromium's emulated offline, which
  // belongs to the page: on a train it would fail like every other request, so here it does too.
  await reporter.evaluate(() => (window.fetch = () => Promise.reject(new TypeError("Failed to fetch"))));
  await reporter.close({ runBeforeUnload: false });
  await reporter.context().setOffline(false);

  const again = await reporter.context().newPage();
  expect(await storyText(again, created.id)).not.toContain("no signal");
  await again.goto(`/newsroom/articles/${created.id}`);
  const offer = again.getByRole("alert").filter({ hasText: "This device kept changes to this story" });
  await expect(offer.getByLabel("The saved story compared with the copy on this device").locator("ins")).toContainText("no signal");
  await offer.getByRole("button", { name: "Restore my changes" }).click();
  await expect(body(again)).toContainText("Typed on the train with no signal.");
  await expect(saveState(again)).toHaveText(/^Saved/);
  expect(await storyText(again, created.id)).toContain("Typed on the train with no signal.");
  await again.reload();
  await expect(again.getByText("This device kept changes to this story")).toHaveCount(0);
});
