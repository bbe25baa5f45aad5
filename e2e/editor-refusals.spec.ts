import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./support";

/*
 * A save the server refuses for a reason other than someone else's save: the
 * editor says why, keeps the text on screen and on the device, and saves as
 * soon as the reason is gone. A 409 that is not a version clash (a slug
 * already taken) once took the clash path, which formats the other save's
 * time — absent here — and the page crashed ("Invalid time value").
 */

const body = (page: Page) => page.getByRole("textbox", { name: "Body" });
const saveState = (page: Page) => page.getByTestId("save-state");
const slugField = (page: Page) => page.getByLabel("Slug", { exact: true });
const keptOnDevice = (page: Page, id: string) => page.evaluate((key) => localStorage.getItem(key), `copydesk:unsaved:${id}`);

async function story(page: Page, id: string): Promise<{ slug: string; text: string }> {
  const found = await (await page.request.get(`/api/v1/newsroom/articles/${id}`)).json();
  return { slug: found.slug, text: JSON.stringify(found.body) };
}

test("a slug already taken is a refusal naming it, not a clash: the page stays, the text is kept, and a free slug saves", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const errors: string[] = [];
  reporter.on("pageerror", (error) => errors.push(error.message));

  const tag = randomUUID().slice(0, 8);
  const first = await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Ferry timetable cut ${tag}` } });
  expect(first.status()).toBe(201);
  const taken: string = (await first.json()).slug;
  const second = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Bridge repairs delayed ${tag}` } })).json();
  const ownSlug: string = second.slug;

  await reporter.goto(`/newsroom/articles/${second.id}`);
  await expect(saveState(reporter)).toHaveText(/^Saved/);
  await slugField(reporter).fill(taken);
  await body(reporter).click();
  await reporter.keyboard.type("The bridge stays shut until spring.");

  const refusal = `The slug "${taken}" is already taken.`;
  await expect(reporter.getByRole("alert").filter({ hasText: refusal })).toBeVisible();
  await expect(saveState(reporter)).toHaveText("Not saved — kept on this device");
  // Not the page's crash, and not the box for someone else's save.
  await expect(reporter.getByRole("heading", { name: /This page couldn.t load/ })).toHaveCount(0);
  await expect(reporter.getByRole("button", { name: "Keep mine (save it over theirs)" })).toHaveCount(0);
  await expect(body(reporter)).toContainText("The bridge stays shut until spring.");
  await expect(slugField(reporter)).toHaveValue(taken);
  expect(await keptOnDevice(reporter, second.id)).toContain("The bridge stays shut until spring.");
  expect(await story(reporter, second.id)).toEqual({ slug: ownSlug, text: expect.not.stringContaining("stays shut") });

  const free = `bridge-repairs-${tag}-spring`;
  await slugField(reporter).fill(free);
  await expect(saveState(reporter)).toHaveText(/^Saved/);
  await expect(reporter.getByRole("alert").filter({ hasText: refusal })).toHaveCount(0);
  const saved = await story(reporter, second.id);
  expect(saved.slug).toBe(free);
  expect(saved.text).toContain("The bridge stays shut until spring.");
  expect(await keptOnDevice(reporter, second.id)).toBeNull();
  expect(errors).toEqual([]);
});
