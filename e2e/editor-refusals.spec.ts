import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./support";

/*
 * A slug already taken: the editor says why, keeps the text on screen and on
 * the device, and saves the slug as soon as the reason is gone. It was once a
 * 409 that took the clash path, which formats the other save's time — absent
 * here — and the page crashed ("Invalid time value"); since issue #23 the
 * save keeps the slug back and stores the rest, flagging the slug in place.
 */

const body = (page: Page) => page.getByRole("textbox", { name: "Body" });
const saveState = (page: Page) => page.getByTestId("save-state");
const slugField = (page: Page) => page.getByLabel("Slug", { exact: true });
const keptOnDevice = (page: Page, id: string) => page.evaluate((key) => localStorage.getItem(key), `copydesk:unsaved:${id}`);

async function story(page: Page, id: string): Promise<{ slug: string; text: string }> {
  const found = await (await page.request.get(`/api/v1/newsroom/articles/${id}`)).json();
  return { slug: found.slug, text: JSON.stringify(found.body) };
}

test("a slug already taken is kept back and named, not a clash: the body saves, the slug is kept, and a free slug saves", async ({ browser }) => {
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

  const refusal = `Slug: "${taken}" is already taken by another story; choose another.`;
  await expect(reporter.getByText(refusal)).toBeVisible();
  await expect(slugField(reporter)).toHaveAttribute("aria-invalid", "true");
  await expect(saveState(reporter)).toHaveText(/^Saved .* — slug not saved: already taken \(kept on this device\)$/);
  // Not the page's crash, and not the box for someone else's save.
  await expect(reporter.getByRole("heading", { name: /This page couldn.t load/ })).toHaveCount(0);
  await expect(reporter.getByRole("button", { name: "Keep mine (save it over theirs)" })).toHaveCount(0);
  await expect(body(reporter)).toContainText("The bridge stays shut until spring.");
  await expect(slugField(reporter)).toHaveValue(taken);
  expect(await keptOnDevice(reporter, second.id)).toContain("The bridge stays shut until spring.");
  // The rest of the save reached the server; the slug stayed the story's own.
  expect(await story(reporter, second.id)).toEqual({ slug: ownSlug, text: expect.stringContaining("The bridge stays shut until spring.") });

  const free = `bridge-repairs-${tag}-spring`;
  await slugField(reporter).fill(free);
  await expect(saveState(reporter)).toHaveText(/^Saved \d\d:\d\d E[SD]T$/);
  await expect(reporter.getByText(refusal)).toHaveCount(0);
  const saved = await story(reporter, second.id);
  expect(saved.slug).toBe(free);
  expect(saved.text).toContain("The bridge stays shut until spring.");
  expect(await keptOnDevice(reporter, second.id)).toBeNull();
  expect(errors).toEqual([]);
});
