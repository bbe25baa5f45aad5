import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.SEED_PASSWORD ?? "copydesk-demo";
/** The e2e server's NEWSROOM_TIME_ZONE (playwright.config.ts): neither UTC nor the browser's zone. */
export const E2E_TIME_ZONE = "America/New_York";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, { expectTo = /\/newsroom$/ } = {}) {
  if (!page.url().includes("/login")) await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Hashing the password and rendering the dashboard took past 5 s while both cores ran other specs; this is a journey, not a timing.
  await expect(page).toHaveURL(expectTo, { timeout: 15_000 });
}

/** A sign-in the form refuses, with the message it shows. */
export async function expectSignInRefused(page: Page, email: string, password: string, message: string | RegExp = "Wrong email or password.") {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(message);
}

/** A signed-in page in a browser context of its own (its own cookies). */
export async function signedInPage(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

/**
 * An admin adds a person through the users page; the person follows the
 * invitation link, sets a password (which signs them in) and signs out.
 * Returns their sign-in details.
 */
export async function invitePerson(browser: Browser, admin: Page, role: "Reporter" | "Editor" | "Admin") {
  const tag = randomUUID().slice(0, 8);
  const person = { name: `Temp ${role} ${tag}`, email: `temp-${tag}@example.com`, password: `password-${tag}` };
  await admin.goto("/newsroom/users");
  const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Create user" }) });
  await form.getByLabel("Name").fill(person.name);
  await form.getByLabel("Email").fill(person.email);
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByRole("button", { name: "Create user" }).click();
  const link = (await admin.getByTestId("invitation-url").textContent())!;

  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByLabel("New password").fill(person.password);
  await page.getByLabel("Confirm password").fill(person.password);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  // Accepting signs the person in; signing out again leaves no session behind for specs that count them.
  await expect(page).toHaveURL(/\/newsroom$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.context().close();
  return person;
}
