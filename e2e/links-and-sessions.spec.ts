import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { invitePerson, signIn, signedInPage } from "./support";

/**
 * Issue #23, point 5, through the production build: links that work the
 * first time (one live link on the page, a Copy button beside it, buttons
 * that say "Create" when nothing is mailed), accepting an invitation signs
 * the person in, and sessions are listed, marked and ended one by one.
 */
const CLIPBOARD = ["clipboard-read", "clipboard-write"];
const pathOf = (url: string) => new URL(url).pathname;
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function signedInWithClipboard(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ permissions: CLIPBOARD })).newPage();
  await signIn(page, email);
  return page;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test("the invitation page shows one working link", async ({ browser }) => {
  const admin = await signedInWithClipboard(browser, "admin@example.com");
  const tag = randomUUID().slice(0, 8);
  const person = { name: `One Link ${tag}`, email: `one-link-${tag}@example.com`, password: `password-${tag}` };
  await admin.goto("/newsroom/users");
  const create = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Create user" }) });
  await create.getByLabel("Name").fill(person.name);
  await create.getByLabel("Email").fill(person.email);
  await create.getByRole("button", { name: "Create user" }).click();
  const first = (await admin.getByTestId("invitation-url").textContent())!;
  await expect(admin.getByRole("button", { name: `Copy the invitation link for ${person.name}` })).toBeVisible();

  // The e2e server has no SMTP: the row's button makes a link, it sends nothing, and says so.
  const row = admin.getByTestId(`user-${person.email}`);
  await expect(row.getByRole("button", { name: /^Send / })).toHaveCount(0);
  await row.getByRole("button", { name: `Create new invitation link for ${person.name}` }).click();
  const fresh = (await row.getByTestId("account-link-url").textContent())!;
  expect(fresh).not.toBe(first);
  await expect(row.getByRole("status")).toContainText("Nothing was emailed");

  // Only the live link is on the page: the top box no longer shows the one the new link replaced.
  await expect(admin.getByTestId("invitation-url")).toHaveCount(0);
  await expect(admin.getByText(`${person.name}'s first invitation link was replaced by a newer one`)).toBeVisible();
  await expect(admin.locator("body")).not.toContainText(first);
  await expect(admin.locator("body")).toContainText(fresh);

  // Copy puts the live link on the clipboard and says so.
  const copy = row.getByRole("button", { name: `Copy the invitation link for ${person.name}` });
  await copy.click();
  await expect(copy).toHaveText("Copied");
  await expect(row.locator("[aria-live]")).toHaveText("Copied");
  expect(await clipboard(admin)).toBe(fresh);

  // The replaced link is refused; the copied one, opened in a fresh browser, sets a password and signs the person in.
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(pathOf(first));
  await expect(invitee.getByText("This invitation link has expired, was already used or was replaced by a newer one.")).toBeVisible();
  await invitee.goto(fresh);
  await invitee.getByLabel("New password").fill(person.password);
  await invitee.getByLabel("Confirm password").fill(person.password);
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee).toHaveURL(/\/newsroom$/);
  await expect(invitee.getByTestId("viewer")).toContainText(person.name);
  await invitee.getByRole("link", { name: "Account" }).click();
  const sessions = invitee.getByRole("region", { name: "Sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(1);
  await expect(sessions).toContainText("This device");

  // Spent: the live link works once.
  const later = await (await browser.newContext()).newPage();
  await later.goto(pathOf(fresh));
  await expect(later.getByText("This invitation link has expired, was already used or was replaced by a newer one.")).toBeVisible();

  // The admin's row now offers a reset link, under the same no-mail wording.
  await admin.reload();
  await expect(row).toContainText("Active");
  await expect(row.getByRole("button", { name: `Create password reset link for ${person.name}` })).toBeVisible();
});

test("a share link has a Copy button that puts the link on the clipboard", async ({ browser, request }) => {
  const reporter = await signedInWithClipboard(browser, "reporter@example.com");
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Harbour dues ${Date.now()}`, body: doc("Draft words.") } })).json();
  await reporter.goto(`/newsroom/articles/${created.id}`);
  await reporter.getByRole("button", { name: "Share preview link" }).click();
  const url = (await reporter.getByTestId("preview-url").textContent())!;
  const copy = reporter.getByRole("button", { name: "Copy the share link" });
  await copy.click();
  await expect(copy).toHaveText("Copied");
  expect(await clipboard(reporter)).toBe(url);
  expect((await request.get(url)).status()).toBe(200);
});

test("Copy still copies, or says to copy by hand, where the browser has no clipboard API", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@example.com");
  await admin.context().addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  const tag = randomUUID().slice(0, 8);
  await admin.goto("/newsroom/users");
  expect(await admin.evaluate(() => navigator.clipboard === undefined)).toBe(true);
  const create = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Create user" }) });
  await create.getByLabel("Name").fill(`No Clipboard ${tag}`);
  await create.getByLabel("Email").fill(`no-clipboard-${tag}@example.com`);
  await create.getByRole("button", { name: "Create user" }).click();
  await create.getByRole("button", { name: `Copy the invitation link for No Clipboard ${tag}` }).click();
  // The selection fallback copies in Chromium; either way the outcome is announced, never silent.
  await expect(create.locator("[aria-live]")).toHaveText(/^(Copied|Could not copy: select the link and copy it by hand\.)$/);
});

test("the Account page lists sessions, marks this device and ends any one of them", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@example.com");
  const person = await invitePerson(browser, admin, "Reporter");
  const laptop = await signedInPage(browser, person.email, person.password);
  const phone = await signedInPage(browser, person.email, person.password);

  await laptop.getByRole("link", { name: "Account" }).click();
  const region = laptop.getByRole("region", { name: "Sessions" });
  const sessions = region.getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "This device" })).toHaveCount(1);

  // Ending the other session signs that browser out on its next request; this one stays.
  await sessions.filter({ hasNotText: "This device" }).getByRole("button", { name: /^End session/ }).click();
  await expect(sessions).toHaveCount(1);
  await expect(sessions).toContainText("This device");
  await phone.goto("/newsroom");
  await expect(phone).toHaveURL(/\/login/);
  await laptop.goto("/newsroom");
  await expect(laptop).toHaveURL(/\/newsroom$/);

  // Ending this device's own session is signing out.
  await laptop.getByRole("link", { name: "Account" }).click();
  await region.getByRole("button", { name: "End session on this device (signs you out here)" }).click();
  await expect(laptop).toHaveURL(/\/login\?notice=session-ended/);
  await expect(laptop.getByText("You ended this session and are signed out.")).toBeVisible();
  await laptop.goto("/newsroom");
  await expect(laptop).toHaveURL(/\/login/);

  // The admin sees the person's sessions counted as sessions.
  await admin.goto("/newsroom/users");
  await expect(admin.getByTestId(`user-${person.email}`)).toContainText("No sessions");
});
