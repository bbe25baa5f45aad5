import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

/*
 * The four-eyes rule is newsroom-wide: while it is on, no author may publish
 * their own story. This file runs in its own Playwright project after every
 * other spec (playwright.config.ts), so it cannot refuse their publishes.
 */
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

