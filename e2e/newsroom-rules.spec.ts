import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

/*
 * Newsroom-wide rules: the four-eyes rule (no author publishes their own
 * story) and the publishing checks (issue #25). This file runs in its own
 * Playwright project after every other spec (playwright.config.ts), so its
 * rules cannot refuse their publishes; and serially, so one rule here never
 * refuses the other's publish.
 */
test.describe.configure({ mode: "serial" });
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

test("with the four-eyes rule on, an editor's own story says who must publish it, and another editor can", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@example.com");
  await admin.goto("/newsroom/settings");
  await admin.getByLabel(/Four-eyes rule/).click();
  await expect(admin.getByRole("status")).toHaveText("Four-eyes rule on.");
  try {
    const author = await signedInPage(browser, "editor@example.com");
    const created = await (await author.request.post("/api/v1/newsroom/articles", { data: { headline: `Own story ${Date.now()}`, body: doc("Text.") } })).json();
    await author.goto(`/newsroom/articles/${created.id}`);
    await expect(author.getByRole("button", { name: "Publish", exact: true })).toBeDisabled();
    await expect(author.getByText("someone other than the author must publish")).toBeVisible();
    const refused = await author.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: created.version } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.reason).toBe("four_eyes");

    await admin.goto(`/newsroom/articles/${created.id}`);
    await admin.getByRole("button", { name: "Publish", exact: true }).click();
    await admin.getByRole("button", { name: "Confirm publish" }).click();
    await expect(admin.getByTestId("status-badge").first()).toHaveText("Published");
  } finally {
    expect((await admin.request.patch("/api/v1/newsroom/settings", { data: { fourEyes: false } })).ok()).toBe(true);
  }
});

const body = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "The council met." }] },
    { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "What they decided" }] },
    { type: "paragraph", content: [{ type: "text", text: "A new bridge." }] },
  ],
};

test("an admin blocks on the description and warns on heading order; the last look, the API and Publish follow", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@example.com");
  await admin.goto("/newsroom/settings");
  const checks = admin.getByRole("region", { name: "Publishing checks" });
  await checks.getByRole("group", { name: "A search and social description is written" }).getByLabel("Block").check();
  await expect(checks.getByRole("status")).toHaveText("A search and social description is written: block.");
  await checks.getByRole("group", { name: "Headings in the body are in order" }).getByLabel("Warn").check();
  await expect(checks.getByRole("status")).toHaveText("Headings in the body are in order: warn.");
  try {
    const editor = await signedInPage(browser, "editor@example.com");
    const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Bridge vote ${Date.now()}`, body } })).json();
    await editor.goto(`/newsroom/articles/${created.id}`);
    await editor.getByRole("button", { name: "Publish", exact: true }).click();
    const lastLook = editor.getByRole("form", { name: "Publish: confirm" });
    await expect(lastLook.getByTestId("check-description")).toHaveAttribute("data-outcome", "block");
    await expect(lastLook.getByTestId("check-description")).toContainText("There is no search and social description.");
    await expect(lastLook.getByTestId("check-headingOrder")).toHaveAttribute("data-outcome", "warn");
    await expect(lastLook.getByRole("button", { name: "Confirm publish" })).toBeDisabled();

    const refused = await editor.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: created.version } });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.checks.map((check: { rule: string }) => check.rule)).toEqual(["description"]);

    await lastLook.getByRole("button", { name: "Cancel" }).click();
    await editor.getByLabel("Description", { exact: true }).pressSequentially("The council votes for a new bridge over the river.");
    await editor.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(lastLook.getByTestId("check-description")).toHaveAttribute("data-outcome", "pass");
    await expect(lastLook.getByTestId("check-headingOrder")).toHaveAttribute("data-outcome", "warn");
    await lastLook.getByRole("button", { name: "Confirm publish" }).click();
    await expect(editor.getByTestId("status-badge").first()).toHaveText("Published");
  } finally {
    expect((await admin.request.patch("/api/v1/newsroom/settings", { data: { checks: { description: "off", headingOrder: "off" } } })).ok()).toBe(true);
  }
});
