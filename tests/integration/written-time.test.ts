import { beforeAll, describe, expect, it } from "vitest";
import { createDraft, saveDraft, storyBudget, storyCalendar, transition } from "@/lib/articles";
import { AppError } from "@/lib/errors";
import type { StaffViewer } from "@/lib/policy";
import { writtenTime } from "@/lib/written-time";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

// Before anything reads the configuration: a newsroom in New York, neither UTC nor (usually) the machine's zone.
process.env.NEWSROOM_TIME_ZONE = "America/New_York";

let database: TestDatabase;
let reporter: StaffViewer;
let deskEditor: StaffViewer;

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? `${error.code}: ${error.message}` : `unexpected: ${String(error)}`),
  );
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
let counter = 0;
const unique = (label: string) => `${label} ${++counter}`;

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER", { name: "Rita Reporter" }));
  deskEditor = asViewer(await makeUser(database.db, "EDITOR", { name: "Dana Desk" }));
});

async function inReview() {
  const story = await createDraft(reporter, { headline: unique("Typed times"), body: paragraph("Embargoed text.") });
  await transition(reporter, { articleId: story.id, action: "submit" });
  return story;
}

describe("times typed as the newsroom shows them", () => {
  it("schedules and reschedules with a time written the newsroom's way, read in its zone", async () => {
    const story = await inReview();
    const moved = await transition(deskEditor, { articleId: story.id, action: "schedule", version: story.version, publishAt: "8 Dec 2027, 16:00" });
    // 16:00 EST is 21:00 UTC.
    expect(moved.scheduledFor!.toISOString()).toBe("2027-12-08T21:00:00.000Z");
    await transition(deskEditor, { articleId: story.id, action: "reschedule", publishAt: "Thu 9 December 2027 at 7:30 am EST" });
    expect((await database.db.article.findUniqueOrThrow({ where: { id: story.id } })).scheduledFor!.toISOString()).toBe("2027-12-09T12:30:00.000Z");
    await transition(deskEditor, { articleId: story.id, action: "reschedule", publishAt: "10/12/2027 09:15" });
    expect((await database.db.article.findUniqueOrThrow({ where: { id: story.id } })).scheduledFor!.toISOString()).toBe("2027-12-10T14:15:00.000Z");
    // The forms the API took before still read the same.
    await transition(deskEditor, { articleId: story.id, action: "reschedule", publishAt: "2027-12-11T09:15" });
    expect((await database.db.article.findUniqueOrThrow({ where: { id: story.id } })).scheduledFor!.toISOString()).toBe("2027-12-11T14:15:00.000Z");
    await transition(deskEditor, { articleId: story.id, action: "reschedule", publishAt: "2027-12-11T10:00:00Z" });
    expect((await database.db.article.findUniqueOrThrow({ where: { id: story.id } })).scheduledFor!.toISOString()).toBe("2027-12-11T10:00:00.000Z");
    // The clock first, as some people say it.
    await transition(deskEditor, { articleId: story.id, action: "reschedule", publishAt: "16:45 on Sat 11 Dec 2027" });
    expect((await database.db.article.findUniqueOrThrow({ where: { id: story.id } })).scheduledFor!.toISOString()).toBe("2027-12-11T21:45:00.000Z");
  });

  it("reads the hour the clocks go back as the first unless the zone's name says the second, as the field offers it back", async () => {
    const story = await inReview();
    const scheduledFor = async () => (await database.db.article.findUniqueOrThrow({ where: { id: story.id } })).scheduledFor!.toISOString();
    // 7 November 2027: New York's clocks go 02:00 EDT → 01:00 EST, so 01:30 happens at 05:30 and at 06:30 UTC.
    await transition(deskEditor, { articleId: story.id, action: "schedule", version: story.version, publishAt: "7 Nov 2027, 01:30" });
    expect(await scheduledFor()).toBe("2027-11-07T05:30:00.000Z");
    await transition(deskEditor, { articleId: story.id, action: "reschedule", publishAt: "7 Nov 2027, 01:30 EST" });
    expect(await scheduledFor()).toBe("2027-11-07T06:30:00.000Z");
    // What the calendar's field shows for it is read back as the same instant.
    const shown = writtenTime(new Date("2027-11-07T06:30:00.000Z"), "America/New_York");
    expect(shown).toBe("7 Nov 2027, 01:30 EST");
    await transition(deskEditor, { articleId: story.id, action: "reschedule", publishAt: shown });
    expect(await scheduledFor()).toBe("2027-11-07T06:30:00.000Z");
    // 14 March 2027 02:30 never happens in New York: read with the offset before the change, 03:30 EDT.
    await transition(deskEditor, { articleId: story.id, action: "reschedule", publishAt: "14 Mar 2027, 02:30" });
    expect(await scheduledFor()).toBe("2027-03-14T07:30:00.000Z");
  });

  it("refuses a time that is not in the calendar, naming it, and changes nothing", async () => {
    const story = await inReview();
    const attempt = (publishAt: string) => refusal(transition(deskEditor, { articleId: story.id, action: "schedule", version: story.version, publishAt }));
    expect(await attempt("31 Feb 2027, 16:00")).toBe("VALIDATION: publishAt: there is no 31 Feb 2027");
    // Today's wall-time form no longer rolls 31 Feb over into 3 March.
    expect(await attempt("2027-02-31T16:00")).toBe("VALIDATION: publishAt: there is no 31 Feb 2027");
    expect(await attempt("8 Dec 2027, 24:00")).toMatch(/^VALIDATION: publishAt: 24:00 is not a time/);
    expect(await attempt("12/31/2027 16:00")).toMatch(/^VALIDATION: publishAt: 12\/31\/2027 has no month 31: numbers are read day first/);
    expect(await attempt("8 Dec 2027, 16:00 PST")).toMatch(/^VALIDATION: publishAt: times are read in the newsroom's zone, America\/New_York/);
    expect(await attempt("next tuesday")).toBe("VALIDATION: publishAt: write a date and time like 8 Dec 2026, 16:00 (day month year, 24-hour clock)");
    const row = await database.db.article.findUniqueOrThrow({ where: { id: story.id } });
    expect({ status: row.status, scheduledFor: row.scheduledFor }).toEqual({ status: "IN_REVIEW", scheduledFor: null });
  });

  it("plans with a deadline and slot written the newsroom's way", async () => {
    const planned = await createDraft(deskEditor, { slugLine: unique("typed-plan"), assigneeId: reporter.id, deadline: "8 Dec 2027, 16:00", plannedFor: "08/12/2027 18:30" });
    expect(await database.db.article.findUniqueOrThrow({ where: { id: planned.id } })).toMatchObject({
      deadline: new Date("2027-12-08T21:00:00Z"),
      plannedFor: new Date("2027-12-08T23:30:00Z"),
    });
    await saveDraft(deskEditor, { articleId: planned.id, deadline: "9 Dec 2027 10:00" });
    expect((await database.db.article.findUniqueOrThrow({ where: { id: planned.id } })).deadline).toEqual(new Date("2027-12-09T15:00:00Z"));
  });

  it("shows the budget and calendar for a day written the newsroom's way, and refuses a day not in the calendar", async () => {
    const planned = await createDraft(deskEditor, { slugLine: unique("budget-day"), assigneeId: reporter.id, plannedFor: "15 Dec 2027, 23:30" });
    for (const date of ["15 Dec 2027", "Wed 15 December 2027", "15/12/2027", "2027-12-15"]) {
      const budget = await storyBudget(deskEditor, { date });
      expect(budget.day, date).toBe("2027-12-15");
      expect(budget.sections.flatMap((section) => section.stories).map((story) => story.id), date).toContain(planned.id);
    }
    expect((await storyCalendar(deskEditor, { week: "15 Dec 2027" })).weekOf).toBe("2027-12-13");
    expect(await refusal(storyBudget(deskEditor, { date: "31 Feb 2027" }))).toBe("VALIDATION: date: there is no 31 Feb 2027");
    expect(await refusal(storyBudget(deskEditor, { date: "2027-02-31" }))).toBe("VALIDATION: date: there is no 31 Feb 2027");
  });
});
