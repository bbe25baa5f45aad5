import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { countWords, readingMinutes } from "@/lib/content/word-count";
import { formatDateTime, formatDay, formatTime } from "@/lib/format";
import { slugify } from "@/lib/slug";
import { addDays, dayOf, instantOfWallTime, wallTimeOf } from "@/lib/time-zone";
import { writtenWallTime } from "@/lib/written-time";
import { ARTICLES } from "@/prisma/seed-data";
import { E2E_DATABASE_FILE } from "@/scripts/lib/test-postgres";
import { E2E_TIME_ZONE, invitePerson, signedInPage } from "./support";

test("an editor assigns a story with a deadline; the reporter finds it in the inbox, writes it, and sees it overdue on the budget — times in the newsroom's zone", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@example.com");
  const person = await invitePerson(browser, admin, "Reporter");
  const editor = await signedInPage(browser, "editor@example.com");

  // An hour ago in the newsroom (New York), typed as a desk editor types it; the browser itself runs in UTC.
  const deadline = wallTimeOf(new Date(Date.now() - 3_600_000), E2E_TIME_ZONE);
  const deadlineShown = formatDateTime(instantOfWallTime(deadline, E2E_TIME_ZONE), E2E_TIME_ZONE);
  expect(deadlineShown).toMatch(/ E[SD]T$/);
  const slugLine = `harbour-dredging-${Date.now()}`;

  await editor.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Budget" }).click();
  const plan = editor.getByRole("form", { name: "Plan a story" });
  await plan.getByLabel("Slug line").fill(slugLine);
  await plan.getByLabel("Section", { exact: true }).selectOption({ label: "Business" });
  await plan.getByLabel("Reporter", { exact: true }).selectOption({ label: person.name });
  await plan.getByLabel("Editor", { exact: true }).selectOption({ label: "Dana Whitfield" });
  // Typed the way the newsroom shows times ("7 Dec 2026, 01:36"), not the browser's mm/dd/yyyy.
  await plan.getByLabel(/^Deadline/).fill(writtenWallTime(deadline));
  await plan.getByRole("button", { name: "Plan story" }).click();
  await expect(plan.getByRole("status")).toHaveText("Story planned. deadline: the deadline has already passed.");

  // The reporter: one unread notice, naming the story and the deadline in newsroom time.
  const reporter = await signedInPage(browser, person.email, person.password);
  await reporter.getByRole("link", { name: "Inbox, 1 unread" }).click();
  const notice = reporter.getByRole("list", { name: "Notifications" }).getByRole("listitem").filter({ hasText: slugLine });
  await expect(notice).toContainText(`Dana Whitfield assigned “${slugLine}” to you, due ${deadlineShown}.`);
  await notice.getByRole("button", { name: "Mark read" }).click();
  await expect(reporter.getByRole("link", { name: "Inbox, 0 unread" })).toBeVisible();
  await expect(reporter.getByTestId("inbox-unread")).toHaveText("0 unread");

  // The story is theirs: in My drafts under its slug line, open to write, with its plan and a live word count.
  await reporter.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Dashboard" }).click();
  await reporter.getByRole("region", { name: /^My drafts/ }).getByRole("link", { name: slugLine }).click();
  await expect(reporter.getByRole("region", { name: "Plan" })).toContainText(deadlineShown);
  await reporter.getByLabel("Headline", { exact: true }).fill("Harbour dredging starts next week");
  await reporter.getByRole("textbox", { name: "Body" }).click();
  await reporter.keyboard.type("Dredgers arrive on Monday to deepen the channel.");
  await expect(reporter.getByTestId("length")).toHaveText("8 words · 1 min read");
  await expect(reporter.getByTestId("save-state")).toHaveText(/^Saved \d\d:\d\d E[SD]T$/);

  // On the budget for the deadline's day: with its reporter, editor and word count, overdue in red.
  await reporter.goto(`/newsroom/budget?date=${dayOf(instantOfWallTime(deadline, E2E_TIME_ZONE), E2E_TIME_ZONE)}`);
  const row = reporter.getByRole("region", { name: "Business" }).getByTestId("budget-story").filter({ hasText: slugLine });
  await expect(row).toContainText(person.name);
  await expect(row).toContainText("Dana Whitfield");
  await expect(row).toContainText("8");
  await expect(row.getByText("Overdue")).toBeVisible();
  await expect(row).toContainText(deadlineShown);

  // Filed for review, it is no longer overdue, and the story's editor hears of it.
  await reporter.goto("/newsroom");
  await reporter.getByRole("region", { name: /^My drafts/ }).getByRole("link", { name: "Harbour dredging starts next week" }).click();
  await reporter.getByRole("button", { name: "Submit for review" }).click();
  await expect(reporter.getByTestId("status-badge").first()).toHaveText("In review");
  await editor.goto("/newsroom/inbox");
  await expect(editor.getByRole("list", { name: "Notifications" }).getByRole("listitem").filter({ hasText: `${person.name} submitted “${slugLine}” for review.` })).toHaveAttribute("data-unread", "true");
  await reporter.goto(`/newsroom/budget?date=${dayOf(instantOfWallTime(deadline, E2E_TIME_ZONE), E2E_TIME_ZONE)}`);
  await expect(reporter.getByTestId("budget-story").filter({ hasText: slugLine }).getByText("Overdue")).toHaveCount(0);
});

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** A story in review by the demo reporter, scheduled by the demo editor through the staff API for a wall time in the newsroom's zone. */
async function scheduledStory(reporter: Page, editor: Page, headline: string, publishAt: string) {
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline, body: doc("Embargoed until its time.") } })).json();
  expect((await reporter.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "submit" } })).status()).toBe(200);
  const scheduled = await editor.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "schedule", version: created.version, publishAt } });
  expect(scheduled.status()).toBe(200);
  return { id: created.id as string, version: created.version as number, scheduledFor: new Date((await scheduled.json()).scheduledFor) };
}

test("an editor reschedules a scheduled story from the calendar, in newsroom time; the version that was scheduled stays the one that goes out", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const editor = await signedInPage(browser, "editor@example.com");
  const tomorrow = addDays(dayOf(new Date(), E2E_TIME_ZONE), 1);
  const headline = `Budget vote moved ${Date.now()}`;
  const story = await scheduledStory(reporter, editor, headline, `${tomorrow}T09:00`);
  expect(story.scheduledFor).toEqual(instantOfWallTime(`${tomorrow}T09:00`, E2E_TIME_ZONE));

  await editor.goto(`/newsroom/calendar?week=${tomorrow}`);
  const card = editor.getByRole("listitem", { name: formatDay(tomorrow) }).getByTestId("calendar-story").filter({ hasText: headline });
  await expect(card).toContainText(formatTime(story.scheduledFor, E2E_TIME_ZONE));
  await card.getByRole("button", { name: "Reschedule" }).click();
  await expect(card.getByLabel("New time")).toHaveValue(writtenWallTime(`${tomorrow}T09:00`));
  await card.getByLabel("New time").fill(writtenWallTime(`${tomorrow}T11:30`));
  await card.getByRole("button", { name: "Move" }).click();
  // The field reads the typed time back ("Read as Tue 8 Dec 2026, 11:30 EST"): wait for it to close before reading the card.
  await expect(card.getByLabel("New time")).toHaveCount(0);
  const moved = instantOfWallTime(`${tomorrow}T11:30`, E2E_TIME_ZONE);
  await expect(card).toContainText(formatTime(moved, E2E_TIME_ZONE));

  const after = await (await editor.request.get(`/api/v1/newsroom/articles/${story.id}`)).json();
  expect({ status: after.status, scheduledFor: after.scheduledFor, scheduledVersion: after.scheduledVersion }).toEqual({ status: "SCHEDULED", scheduledFor: moved.toISOString(), scheduledVersion: story.version });
  await reporter.goto("/newsroom/inbox");
  await expect(reporter.getByRole("list", { name: "Notifications" })).toContainText(`Dana Whitfield moved “${headline}” to ${formatDateTime(moved, E2E_TIME_ZONE)}.`);
});

test("a scheduled publish that fails tells every editor and stays on the dashboard until it goes out", async ({ browser }) => {
  test.setTimeout(90_000);
  const reporter = await signedInPage(browser, "reporter@example.com");
  const editor = await signedInPage(browser, "editor@example.com");
  const admin = await signedInPage(browser, "admin@example.com");
  const headline = `Embargoed results ${Date.now()}`;
  // Far enough ahead that making, submitting and scheduling it on a loaded machine still ends before its time.
  const story = await scheduledStory(reporter, editor, headline, new Date(Date.now() + 8_000).toISOString());
  // Force the publish to fail: the database refuses to make this one story live.
  const client = new pg.Client({ connectionString: (await readFile(E2E_DATABASE_FILE, "utf8")).trim() });
  await client.connect();
  const name = `refuse_${story.id}`;
  await client.query(`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN IF NEW."id" = '${story.id}' AND NEW."status" = 'PUBLISHED' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
  await client.query(`CREATE TRIGGER ${name} BEFORE UPDATE ON "Article" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  try {
    // The scheduler sweeps every 15 s.
    await expect(async () => {
      await editor.goto("/newsroom");
      await expect(editor.getByRole("alert").filter({ hasText: "Missed schedule" })).toContainText(`${headline} was due at`, { timeout: 1_000 });
    }).toPass({ timeout: 40_000 });
    await expect(editor.getByRole("alert").filter({ hasText: "Missed schedule" })).toContainText("disk full");
    for (const person of [editor, admin]) {
      await person.goto("/newsroom/inbox");
      await expect(person.getByRole("list", { name: "Notifications" }).getByRole("listitem").filter({ hasText: `“${headline}” was due to publish` })).toContainText("has not: the publish failed (disk full)");
    }
  } finally {
    await client.query(`DROP TRIGGER ${name} ON "Article"`);
    await client.query(`DROP FUNCTION ${name}()`);
    await client.end();
  }
  // Once the cause is gone the next sweep publishes it, and the alert leaves the dashboard.
  await expect(async () => {
    expect((await (await editor.request.get(`/api/v1/newsroom/articles/${story.id}`)).json()).status).toBe("PUBLISHED");
  }).toPass({ timeout: 40_000 });
  await editor.goto("/newsroom");
  await expect(editor.getByText(`${headline} was due at`)).toHaveCount(0);
});

test("readers see times in the newsroom's zone too, and the content API gives a story's length", async ({ page }) => {
  const delta = ARTICLES.find((article) => article.headline.startsWith("Delta nations"))!;
  const slug = slugify(delta.headline);
  const story = await (await page.request.get(`/api/v1/content/articles/${slug}`)).json();
  expect(story.wordCount).toBe(countWords(story.body));
  expect(story.wordCount).toBeGreaterThan(100);
  expect(story.readingMinutes).toBe(readingMinutes(story.wordCount));
  await page.goto(`/articles/${slug}`);
  const published = formatDateTime(new Date(story.publishedAt), E2E_TIME_ZONE);
  expect(published).toMatch(/ E[SD]T$/);
  await expect(page.locator("article time").first()).toHaveText(published);
});
