import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

test("the review queue shows every story in review, oldest waiting first, with how long each has waited", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const tag = Date.now();
  const headlines: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const headline = `Queue story ${i} of 12 (${tag})`;
    const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline } })).json();
    expect((await reporter.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "submit" } })).ok()).toBe(true);
    headlines.push(headline);
  }

  const editor = await signedInPage(browser, "editor@example.com");
  await editor.getByRole("link", { name: "Review queue" }).click();
  await expect(editor).toHaveURL(/\/newsroom\/queue\/awaiting-review$/);
  const queue = editor.locator("section", { has: editor.getByRole("heading", { name: /Awaiting review/ }) });
  const shown = await queue.getByRole("listitem").getByRole("link").allTextContents();
  expect(Number(await editor.getByTestId("queue-count").textContent())).toBe(shown.length);
  // All twelve, in the order they were submitted (oldest first), each saying how long it has waited.
  expect(shown.filter((headline) => headline.endsWith(`(${tag})`))).toEqual(headlines);
  await expect(queue.getByRole("listitem").filter({ hasText: headlines[0]! }).getByTestId("waited")).toContainText(/in review since .*, waiting \d+ min/);

  // The dashboard box shows the first five and leads to the whole list.
  await editor.goto("/newsroom");
  const box = editor.locator("section", { has: editor.getByRole("heading", { name: /Awaiting review/ }) });
  await box.getByRole("link", { name: /See all \d+/ }).click();
  await expect(editor).toHaveURL(/\/newsroom\/queue\/awaiting-review$/);
});
