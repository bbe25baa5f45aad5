import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectSignInRefused, invitePerson, signedInPage, signIn } from "./support";

test.describe("signing in", () => {
  test("a reporter sees their own work and no editor or admin controls", async ({ page }) => {
    await signIn(page, "reporter@example.com");
    await expect(page.getByTestId("viewer")).toHaveText("Maya Okafor · Reporter");
    await expect(page.getByRole("heading", { name: /My drafts/ })).toBeVisible();
    const myDrafts = page.getByRole("region", { name: /My drafts/ });
    await expect(myDrafts.getByRole("link", { name: "Jazz festival adds a free stage in the old tram depot" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Awaiting review/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Review queue" })).toHaveCount(0);

    const response = await page.goto("/newsroom/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  });

  test("an editor sees the review queue but not user management", async ({ page }) => {
    await signIn(page, "editor@example.com");
    await expect(page.getByTestId("viewer")).toHaveText("Dana Whitfield · Editor");
    await expect(page.getByRole("link", { name: "Review queue" })).toBeVisible();
    const queue = page.locator("section", { has: page.getByRole("heading", { name: /Awaiting review/ }) });
    await expect(queue.getByText("Drought pushes river barges to carry half loads")).toBeVisible();
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    expect((await page.goto("/newsroom/users"))?.status()).toBe(403);
  });

  test("an admin manages users", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await expect(page.getByTestId("viewer")).toHaveText("Sam Ito · Admin");
    await page.getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    for (const email of ["reporter@example.com", "reporter2@example.com", "editor@example.com", "admin@example.com"]) {
      await expect(page.getByTestId(`user-${email}`)).toBeVisible();
    }
  });

  test("a wrong password and an unknown email get the same answer", async ({ page }) => {
    await page.goto("/login");
    for (const [email, password] of [["editor@example.com", "not the password"], ["nobody@example.com", DEMO_PASSWORD]]) {
      await expectSignInRefused(page, email!, password!);
    }
    await expect(page).toHaveURL(/\/login$/);
  });

  test("signing in returns to the page asked for, never to another site", async ({ page }) => {
    await page.goto("/newsroom/account");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fnewsroom%2Faccount$/);
    await signIn(page, "reporter@example.com", DEMO_PASSWORD, { expectTo: /\/newsroom\/account$/ });
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);

    for (const evil of ["//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)"]) {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(evil)}`);
      await signIn(page, "reporter@example.com");
      await page.getByRole("button", { name: "Sign out", exact: true }).click();
      await expect(page).toHaveURL(/\/login$/);
    }
  });

  test("signing out ends the session, for a copy of its cookie too", async ({ page, playwright, baseURL }) => {
    await signIn(page, "editor@example.com");
    const cookies = await page.context().cookies();
    const copied = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
    expect((await copied.get("/api/v1/newsroom/articles")).status()).toBe(200);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/newsroom");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fnewsroom$/);
    expect((await copied.get("/api/v1/newsroom/articles")).status()).toBe(401);
  });
});

test.describe("sessions follow the database", () => {
  test("an admin makes reporter2 an editor; reporter2's next page load shows editor controls", async ({ browser }) => {
    const reporter2 = await signedInPage(browser, "reporter2@example.com");
    await expect(reporter2.getByTestId("viewer")).toHaveText("Tomás Reyes · Reporter");
    await expect(reporter2.getByRole("heading", { name: /Awaiting review/ })).toHaveCount(0);

    const admin = await signedInPage(browser, "admin@example.com");
    await admin.goto("/newsroom/users");
    const row = admin.getByTestId("user-reporter2@example.com");
    await row.getByLabel("Role for Tomás Reyes").selectOption("EDITOR");
    await row.getByRole("button", { name: "Save role" }).click();
    await expect(row.getByRole("status")).toHaveText("Tomás Reyes is now editor.");

    try {
      await reporter2.reload();
      await expect(reporter2.getByTestId("viewer")).toHaveText("Tomás Reyes · Editor");
      await expect(reporter2.getByRole("heading", { name: /Awaiting review/ })).toBeVisible();
      await expect(reporter2.getByRole("link", { name: "Review queue" })).toBeVisible();
    } finally {
      await row.getByLabel("Role for Tomás Reyes").selectOption("REPORTER");
      await row.getByRole("button", { name: "Save role" }).click();
      await expect(row.getByRole("status")).toHaveText("Tomás Reyes is now reporter.");
    }
  });

  test("an invited person sets a password, signs in, and is signed out on the next request once disabled", async ({ browser }) => {
    const admin = await signedInPage(browser, "admin@example.com");
    const person = await invitePerson(browser, admin, "Reporter");
    const page = await signedInPage(browser, person.email, person.password);
    await expect(page.getByTestId("viewer")).toHaveText(`${person.name} · Reporter`);

    await admin.goto("/newsroom/users");
    const row = admin.getByTestId(`user-${person.email}`);
    await row.getByRole("button", { name: `Disable ${person.name}` }).click();
    await expect(row.getByRole("status")).toHaveText(`${person.name} is disabled.`);

    await page.reload();
    await expect(page).toHaveURL(/\/login/);
    await expectSignInRefused(page, person.email, person.password);
  });

  test("changing one's password signs out everywhere; the new password works, the old one not", async ({ browser }) => {
    const admin = await signedInPage(browser, "admin@example.com");
    const person = await invitePerson(browser, admin, "Editor");
    const elsewhere = await signedInPage(browser, person.email, person.password);
    const page = await signedInPage(browser, person.email, person.password);

    await page.getByRole("link", { name: "Account" }).click();
    await page.getByLabel("Current password").fill(person.password);
    await page.getByLabel("New password", { exact: true }).fill("my new long password");
    await page.getByLabel("Confirm new password").fill("my new long password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/login\?notice=password-changed/);
    await expect(page.getByText("Your password was changed.")).toBeVisible();

    await elsewhere.reload();
    await expect(elsewhere).toHaveURL(/\/login/);
    await expectSignInRefused(page, person.email, person.password);
    await signIn(page, person.email, "my new long password");
  });

  test("'End all sessions' ends another browser's session; an admin sees and ends a person's sessions", async ({ browser }) => {
    const admin = await signedInPage(browser, "admin@example.com");
    const person = await invitePerson(browser, admin, "Reporter");
    const laptop = await signedInPage(browser, person.email, person.password);
    const phone = await signedInPage(browser, person.email, person.password);

    await laptop.getByRole("link", { name: "Account" }).click();
    await expect(laptop.getByRole("region", { name: "Sessions" }).getByRole("listitem")).toHaveCount(2);
    await laptop.getByRole("button", { name: "End all sessions" }).click();
    await expect(laptop).toHaveURL(/\/login\?notice=sessions-ended/);
    await phone.reload();
    await expect(phone).toHaveURL(/\/login/);

    const again = await signedInPage(browser, person.email, person.password);
    await admin.goto("/newsroom/users");
    const row = admin.getByTestId(`user-${person.email}`);
    await expect(row).toContainText("1 session");
    await row.getByRole("button", { name: `End all of ${person.name}'s sessions` }).click();
    await expect(row.getByRole("status")).toHaveText("1 session ended.");
    await again.reload();
    await expect(again).toHaveURL(/\/login/);
  });

  test("the 11th wrong password is refused even when right", async ({ browser, page }) => {
    const admin = await signedInPage(browser, "admin@example.com");
    const person = await invitePerson(browser, admin, "Reporter");
    await page.goto("/login");
    for (let i = 0; i < 10; i++) {
      await expectSignInRefused(page, person.email, `wrong-${i}`);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await expectSignInRefused(page, person.email, person.password, /^Too many failed sign-ins\. Try again in \d+ seconds\.$/);
    await expect(page).toHaveURL(/\/login$/);

    // The endpoint itself says so: 429 with Retry-After — asked from the same browser (the same address),
    // with a made-up X-Forwarded-For that changes nothing without a trusted proxy.
    const refused = await page.evaluate(async (email) => {
      const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
      const response = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "192.0.2.200" },
        body: new URLSearchParams({ email, password: "wrong again", csrfToken, json: "true" }),
      });
      return { status: response.status, retryAfter: response.headers.get("retry-after") };
    }, person.email);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  });
});
