import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { formatDateTime, formatDay, formatTime } from "@/lib/format";
import { addDays, dayOf, instantOfWallTime } from "@/lib/time-zone";
import { E2E_TIME_ZONE, signIn } from "./support";

// Issue #23 point 6: date and time fields take what people type in the form the newsroom shows times
// ("8 Dec 2026, 16:00 EST"), read in the newsroom's zone (E2E_TIME_ZONE, New York). The browsers here run in
// a third zone, Tokyo (UTC+9), with a US locale, so a time read in the browser's zone, or in UTC, or
// month first, lands on another instant and fails the test.
const BROWSER_ZONE = "Asia/Tokyo";

/** A signed-in page whose browser lives in BROWSER_ZONE, with a US locale (the browser's own date habit is mm/dd/yyyy, AM/PM). */
async function deskPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ timezoneId: BROWSER_ZONE, locale: "en-US" })).newPage();
  await signIn(page, email);
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(BROWSER_ZONE);
  return page;
}

// September is "Sept" where the newsroom writes it (en-GB).
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];
const FULL_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const parts = (day: string) => day.split("-").map(Number) as [number, number, number];
/** "8 Dec 2026", written out here by hand, as a desk editor types it. */
function typedDay(day: string): string {
  const [year, month, date] = parts(day);
  return `${date} ${MONTHS[month - 1]} ${year}`;
}
const weekday = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" });

/** The line a date field reads its text back on (or refuses it), found the way assistive technology finds it. */
async function readingOf(page: Page, field: Locator) {
  const id = await field.getAttribute("aria-describedby");
  expect(id).toBeTruthy();
  return page.locator(`[id="${id}"]`);
}

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** A story the demo reporter wrote and filed; the demo editor opens it. */
async function storyInReview(reporter: Page, headline: string) {
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline, body: doc("Embargoed until its time.") } })).json();
  expect((await reporter.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "submit" } })).status()).toBe(200);
  return created.id as string;
}

/** The first day on or after `from` in `month` (1-12) that is the `nth` Sunday: when New York's clocks change. */
function nthSunday(from: string, month: number, nth: number): string {
  for (let year = parts(from)[0]; ; year++) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    const day = `${year}-${String(month).padStart(2, "0")}-${String(1 + ((7 - first) % 7) + 7 * (nth - 1)).padStart(2, "0")}`;
    if (day > from) return day;
  }
}

test("a date typed in the newsroom's format is read in the newsroom zone", async ({ browser }) => {
  const reporter = await deskPage(browser, "reporter@example.com");
  const editor = await deskPage(browser, "editor@example.com");
  const headline = `Harbour toll vote ${Date.now()}`;
  const id = await storyInReview(reporter, headline);
  const tomorrow = addDays(dayOf(new Date(), E2E_TIME_ZONE), 1);
  const meant = instantOfWallTime(`${tomorrow}T16:00`, E2E_TIME_ZONE);
  expect(formatDateTime(meant, E2E_TIME_ZONE)).toMatch(/, 16:00 E[SD]T$/);

  await editor.goto(`/newsroom/articles/${id}`);
  await editor.getByRole("button", { name: "Schedule", exact: true }).click();
  const field = editor.getByLabel(/^Publish at/);
  // A text field, not the browser's date picker with its mm/dd/yyyy and AM/PM.
  await expect(field).toHaveAttribute("type", "text");
  await expect(field).toHaveAttribute("placeholder", /^8 Dec 2026, 16:00 E[SD]T$/);
  await field.pressSequentially(`${typedDay(tomorrow)}, 16:00`);
  await field.press("Tab");
  // Read back in the newsroom's zone, with its weekday, in the words every time is shown in.
  const reading = await readingOf(editor, field);
  await expect(reading).toHaveText(`Read as ${weekday(tomorrow)} ${formatDateTime(meant, E2E_TIME_ZONE)}`);
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
  await editor.getByRole("button", { name: "Confirm schedule" }).click();
  await expect(editor.getByTestId("status-badge").first()).toHaveText("Scheduled");

  // Stored as that wall time in New York, not the browser's Tokyo nor UTC…
  const story = await (await editor.request.get(`/api/v1/newsroom/articles/${id}`)).json();
  expect(story.scheduledFor).toBe(meant.toISOString());
  // …and shown as the same wall time on the calendar, whose reschedule field offers it back in the same words.
  await editor.goto(`/newsroom/calendar?week=${tomorrow}`);
  const card = editor.getByRole("listitem", { name: formatDay(tomorrow) }).getByTestId("calendar-story").filter({ hasText: headline });
  await expect(card).toContainText(formatTime(meant, E2E_TIME_ZONE));
  await card.getByRole("button", { name: "Reschedule" }).click();
  const newTime = card.getByLabel("New time");
  await expect(newTime).toHaveValue(`${typedDay(tomorrow)}, 16:00`);

  // Moved by typing it the other way round, clock first, as some people say it.
  const later = instantOfWallTime(`${tomorrow}T17:45`, E2E_TIME_ZONE);
  await newTime.fill(`17:45 on ${typedDay(tomorrow)}`);
  await expect(await readingOf(editor, newTime)).toHaveText(`Read as ${weekday(tomorrow)} ${formatDateTime(later, E2E_TIME_ZONE)}`);
  await card.getByRole("button", { name: "Move" }).click();
  await expect(newTime).toHaveCount(0);
  await expect(card).toContainText(formatTime(later, E2E_TIME_ZONE));
  expect((await (await editor.request.get(`/api/v1/newsroom/articles/${id}`)).json()).scheduledFor).toBe(later.toISOString());
});

test("a plan's deadline and slot are typed loosely and kept exactly", async ({ browser }) => {
  const editor = await deskPage(browser, "editor@example.com");
  const tomorrow = addDays(dayOf(new Date(), E2E_TIME_ZONE), 1);
  const [year, month, date] = parts(tomorrow);
  const deadline = instantOfWallTime(`${tomorrow}T16:00`, E2E_TIME_ZONE);
  const slot = instantOfWallTime(`${tomorrow}T19:30`, E2E_TIME_ZONE);
  const slugLine = `typed-deadline-${Date.now()}`;

  await editor.goto("/newsroom/budget");
  const plan = editor.getByRole("form", { name: "Plan a story" });
  await plan.getByLabel("Slug line").fill(slugLine);
  await plan.getByLabel("Reporter", { exact: true }).selectOption({ label: "Maya Okafor" });
  // Month spelled out in lower case, am/pm, no zone; the slot as year-month-day.
  const deadlineField = plan.getByLabel(/^Deadline/);
  await deadlineField.pressSequentially(`${date} ${FULL_MONTHS[month - 1]} ${year} at 4pm`);
  await expect(await readingOf(editor, deadlineField)).toHaveText(`Read as ${weekday(tomorrow)} ${formatDateTime(deadline, E2E_TIME_ZONE)}`);
  await plan.getByLabel(/^Planned slot/).fill(`${tomorrow} 19:30`);
  await plan.getByRole("button", { name: "Plan story" }).click();
  const link = plan.getByRole("link", { name: `${slugLine} — open it` });
  await expect(link).toBeVisible();
  const id = (await link.getAttribute("href"))!.split("/").pop()!;

  const stored = (await (await editor.request.get(`/api/v1/newsroom/articles/${id}`)).json()).plan;
  expect({ deadline: stored.deadline, plannedFor: stored.plannedFor }).toEqual({ deadline: deadline.toISOString(), plannedFor: slot.toISOString() });

  // The story's plan offers both back in the newsroom's words; saved unchanged, nothing moves.
  await editor.goto(`/newsroom/articles/${id}`);
  const panel = editor.getByRole("form", { name: "Plan", exact: true });
  await expect(panel.getByLabel(/^Deadline/)).toHaveValue(`${typedDay(tomorrow)}, 16:00`);
  await expect(panel.getByLabel(/^Planned slot/)).toHaveValue(`${typedDay(tomorrow)}, 19:30`);
  await panel.getByRole("button", { name: "Save plan" }).click();
  await expect(panel.getByRole("status")).toContainText("Plan saved.");
  const again = (await (await editor.request.get(`/api/v1/newsroom/articles/${id}`)).json()).plan;
  expect({ deadline: again.deadline, plannedFor: again.plannedFor }).toEqual({ deadline: deadline.toISOString(), plannedFor: slot.toISOString() });
});

test("the hours the clocks change get a clear answer, and the repeated hour survives a round trip", async ({ browser }) => {
  const reporter = await deskPage(browser, "reporter@example.com");
  const editor = await deskPage(browser, "editor@example.com");
  const today = dayOf(new Date(), E2E_TIME_ZONE);
  // New York's clocks go back on the first Sunday of November (01:00–02:00 happens twice)…
  const back = nthSunday(today, 11, 1);
  // …and forward on the second Sunday of March (02:00–03:00 never happens).
  const forward = nthSunday(today, 3, 2);
  const headline = `Clock change ${Date.now()}`;
  const id = await storyInReview(reporter, headline);

  await editor.goto(`/newsroom/articles/${id}`);
  await editor.getByRole("button", { name: "Schedule", exact: true }).click();
  const field = editor.getByLabel(/^Publish at/);
  const reading = await readingOf(editor, field);
  await field.fill(`${typedDay(back)}, 01:30`);
  await expect(reading).toHaveText(
    `Read as Sun ${typedDay(back)}, 01:30 EDT — 01:30 happens twice that day (the clocks go back): read as the first, 01:30 EDT; write 01:30 EST for the second`,
  );
  await field.fill(`${typedDay(back)}, 01:30 EST`);
  await expect(reading).toHaveText(`Read as Sun ${typedDay(back)}, 01:30 EST`);
  await editor.getByRole("button", { name: "Confirm schedule" }).click();
  await expect(editor.getByTestId("status-badge").first()).toHaveText("Scheduled");
  // 01:30 EST is UTC−5: 06:30 UTC, the second of the two 01:30s (the first, EDT, is 05:30 UTC).
  const second = new Date(`${back}T06:30:00.000Z`);
  expect((await (await editor.request.get(`/api/v1/newsroom/articles/${id}`)).json()).scheduledFor).toBe(second.toISOString());

  // The calendar offers it back naming the zone, so moving nothing moves nothing.
  await editor.goto(`/newsroom/calendar?week=${back}`);
  const card = editor.getByRole("listitem", { name: formatDay(back) }).getByTestId("calendar-story").filter({ hasText: headline });
  await expect(card).toContainText(formatTime(second, E2E_TIME_ZONE));
  await card.getByRole("button", { name: "Reschedule" }).click();
  const newTime = card.getByLabel("New time");
  await expect(newTime).toHaveValue(`${typedDay(back)}, 01:30 EST`);
  await card.getByRole("button", { name: "Move" }).click();
  await expect(newTime).toHaveCount(0);
  expect((await (await editor.request.get(`/api/v1/newsroom/articles/${id}`)).json()).scheduledFor).toBe(second.toISOString());

  // A time the clocks skip is read as the hour after, and says so before anything is sent.
  await card.getByRole("button", { name: "Reschedule" }).click();
  await newTime.fill(`${typedDay(forward)}, 02:30`);
  await expect(await readingOf(editor, newTime)).toHaveText(
    `Read as Sun ${typedDay(forward)}, 03:30 EDT — 02:30 does not happen that day (the clocks go forward): read as 03:30 EDT`,
  );
});

test("a date that is not in the calendar is refused in place, and changes nothing", async ({ browser }) => {
  const reporter = await deskPage(browser, "reporter@example.com");
  const editor = await deskPage(browser, "editor@example.com");
  const id = await storyInReview(reporter, `Ferry strike ${Date.now()}`);
  const nextYear = Number(dayOf(new Date(), E2E_TIME_ZONE).slice(0, 4)) + 1;
  const requests: string[] = [];
  editor.on("request", (request) => {
    if (request.url().includes("/transitions")) requests.push(request.url());
  });

  await editor.goto(`/newsroom/articles/${id}`);
  await editor.getByRole("button", { name: "Schedule", exact: true }).click();
  const field = editor.getByLabel(/^Publish at/);
  await field.fill(`31 Feb ${nextYear}, 16:00`);
  await field.press("Tab");
  const reading = await readingOf(editor, field);
  await expect(reading).toHaveText(`There is no 31 Feb ${nextYear}.`);
  await expect(field).toHaveAttribute("aria-invalid", "true");

  // Confirming sends nothing: the form stays open with the refusal, the story stays in review.
  await editor.getByRole("button", { name: "Confirm schedule" }).click();
  await expect(field).toBeVisible();
  await expect(reading).toHaveText(`There is no 31 Feb ${nextYear}.`);
  expect(requests).toEqual([]);
  await expect(editor.getByTestId("status-badge").first()).toHaveText("In review");

  // The browser's month-first habit is refused, not silently read as another day; 24:00 likewise.
  await field.fill(`12/31/${nextYear} 16:00`);
  await expect(reading).toHaveText(`12/31/${nextYear} has no month 31: numbers are read day first, like 8 Dec 2026, 16:00 (day month year, 24-hour clock).`);
  await field.fill(`8 Dec ${nextYear}, 24:00`);
  await expect(reading).toContainText("24:00 is not a time");
  // Another zone is refused rather than converted behind the desk's back.
  await field.fill(`8 Dec ${nextYear}, 16:00 IST`);
  await expect(reading).toContainText("Times are read in the newsroom's zone, America/New_York (EST/EDT)");

  // A server sent the same text by some other way refuses it too, with the same words.
  const refused = await editor.request.post(`/api/v1/newsroom/articles/${id}/transitions`, { data: { action: "schedule", version: 1, publishAt: `31 Feb ${nextYear}, 16:00` } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toBe(`publishAt: there is no 31 Feb ${nextYear}`);
  const story = await (await editor.request.get(`/api/v1/newsroom/articles/${id}`)).json();
  expect({ status: story.status, scheduledFor: story.scheduledFor }).toEqual({ status: "IN_REVIEW", scheduledFor: null });

  // Put right, it reads back.
  await field.fill(`8 Dec ${nextYear}, 16:00`);
  await expect(reading).toHaveText(new RegExp(`^Read as \\w{3} 8 Dec ${nextYear}, 16:00 EST$`));
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
});

test("the budget's day is typed the way days are shown", async ({ browser }) => {
  const editor = await deskPage(browser, "editor@example.com");
  const tomorrow = addDays(dayOf(new Date(), E2E_TIME_ZONE), 1);
  await editor.goto("/newsroom/budget");
  const day = editor.getByLabel("Day", { exact: true });
  await expect(day).toHaveValue(typedDay(dayOf(new Date(), E2E_TIME_ZONE)));
  await day.fill(typedDay(tomorrow));
  await expect(await readingOf(editor, day)).toHaveText(`Read as ${weekday(tomorrow)} ${typedDay(tomorrow)}`);
  await day.press("Enter");
  await expect(editor.getByTestId("budget-day")).toHaveText(formatDay(tomorrow));

  // A day that is not in the calendar holds the form back, saying why.
  await day.fill("30 Feb 2027");
  await editor.getByRole("button", { name: "Show" }).click();
  await expect(await readingOf(editor, day)).toHaveText("There is no 30 Feb 2027.");
  await expect(editor.getByTestId("budget-day")).toHaveText(formatDay(tomorrow));
});
