import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { invitePerson, signIn, signedInPage } from "./support";

const pathOf = (url: string) => new URL(url).pathname;

async function choosePassword(page: Page, link: string, password: string, button: string) {
  await page.goto(pathOf(link));
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: button }).click();
}

test("an admin sends a lost invitation again: the new link works and the old one does not", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@example.com");
  const tag = randomUUID().slice(0, 8);
  const person = { name: `Lost Invite ${tag}`, email: `lost-${tag}@example.com`, password: `password-${tag}` };
  await admin.goto("/newsroom/users");
  const create = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Create user" }) });
  await create.getByLabel("Name").fill(person.name);
  await create.getByLabel("Email").fill(person.email);
  await create.getByRole("button", { name: "Create user" }).click();
  const lost = (await admin.getByTestId("invitation-url").textContent())!;

  await admin.reload();
  const row = admin.getByTestId(`user-${person.email}`);
  await expect(row).toContainText("Invited");
  await row.getByRole("button", { name: `Create new invitation link for ${person.name}` }).click();
  const fresh = (await row.getByTestId("account-link-url").textContent())!;
  expect(fresh).not.toBe(lost);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(pathOf(lost));
  await expect(visitor.getByText("This invitation link has expired, was already used or was replaced by a newer one.")).toBeVisible();
  await choosePassword(visitor, fresh, person.password, "Set password and sign in");
  await expect(visitor).toHaveURL(/\/newsroom$/);
  await expect(visitor.getByTestId("viewer")).toContainText(person.name);
});

test("a reset link sets a new password, signs the person in once and ends their other sessions", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@example.com");
  const person = await invitePerson(browser, admin, "Reporter");
  const elsewhere = await signedInPage(browser, person.email, person.password);

  await admin.goto("/newsroom/users");
  const row = admin.getByTestId(`user-${person.email}`);
  await row.getByRole("button", { name: `Create password reset link for ${person.name}` }).click();
  const link = (await row.getByTestId("account-link-url").textContent())!;
  expect(pathOf(link)).toMatch(/^\/login\/reset\/[\w-]{40,}$/);

  const here = await (await browser.newContext()).newPage();
  const recovered = `recovered-${randomUUID().slice(0, 8)}`;
  await choosePassword(here, link, recovered, "Set password and sign in");
  await expect(here).toHaveURL(/\/newsroom$/);
  await expect(here.getByTestId("viewer")).toContainText(person.name);

  // The other session is over; the link is spent; the new password is the one that works.
  await elsewhere.goto("/newsroom");
  await expect(elsewhere).toHaveURL(/\/login/);
  await here.context().clearCookies();
  await here.goto(pathOf(link));
  await expect(here.getByText("This link has expired, was already used or was replaced by a newer one.")).toBeVisible();
  await here.goto("/login");
  await signIn(here, person.email, recovered);
});

test("'Forgot password?' on the sign-in page says what to do, and never whether an address exists", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/login\/forgot$/);
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  // The e2e server has no SMTP: an admin issues the link (the mail itself is tested against a real SMTP server).
  await expect(page.getByText("This newsroom does not send email. Ask an admin to send you a password reset link.")).toBeVisible();
});
