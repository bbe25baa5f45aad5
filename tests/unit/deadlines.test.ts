import { describe, expect, it } from "vitest";
import { dueLabel, isOverdue, relativeDay } from "@/lib/articles/deadlines";

const PARIS = "Europe/Paris";
const at = (iso: string) => new Date(iso);

describe("dueLabel: the deadline as reporters read it, in the newsroom's zone", () => {
  // Monday 7 December 2026, 21:00 in Paris.
  const now = at("2026-12-07T20:00:00Z");

  it.each([
    ["tomorrow", "2026-12-08T15:00:00Z", "DRAFT", "Due tomorrow 16:00 CET"],
    ["later today", "2026-12-07T22:30:00Z", "DRAFT", "Due today 23:30 CET"],
    ["this week", "2026-12-10T08:00:00Z", "DRAFT", "Due Thu 10 Dec 09:00 CET"],
    ["passed, still with the reporter", "2026-12-07T08:30:00Z", "DRAFT", "Overdue (due today 09:30 CET)"],
    ["passed, sent back to the reporter", "2026-12-06T15:00:00Z", "CHANGES_REQUESTED", "Overdue (due yesterday 16:00 CET)"],
    ["passed, but filed: waits on the desk, not late", "2026-12-07T08:30:00Z", "IN_REVIEW", "Due today 09:30 CET"],
    ["long passed", "2026-12-01T15:00:00Z", "DRAFT", "Overdue (due Tue 1 Dec 16:00 CET)"],
  ] as const)("%s", (_, deadline, status, text) => {
    expect(dueLabel({ deadline: at(deadline), status }, now, PARIS).text).toBe(text);
    expect(dueLabel({ deadline: at(deadline), status }, now, PARIS).overdue).toBe(text.startsWith("Overdue"));
  });

  it("counts calendar days in the newsroom's zone, not in UTC and not 24-hour spans", () => {
    // 23:50 on Monday in Paris; the deadline is 00:30 on Tuesday there, but still Monday in UTC.
    const late = at("2026-12-07T22:50:00Z");
    const deadline = { deadline: at("2026-12-07T23:30:00Z"), status: "DRAFT" as const };
    expect(dueLabel(deadline, late, PARIS).text).toBe("Due tomorrow 00:30 CET");
    expect(dueLabel(deadline, late, "UTC").text).toBe("Due today 23:30 UTC");
    expect(dueLabel(deadline, late, "America/New_York").text).toBe("Due today 18:30 EST");
  });

  it("names the day across the clock changes", () => {
    // Spring: Saturday 28 March 2026, 23:30 CET; the clocks go forward that night.
    const spring = at("2026-03-28T22:30:00Z");
    expect(dueLabel({ deadline: at("2026-03-29T21:30:00Z"), status: "DRAFT" }, spring, PARIS).text).toBe("Due tomorrow 23:30 CEST");
    // 24 hours later is already Monday there.
    expect(dueLabel({ deadline: at("2026-03-29T22:30:00Z"), status: "DRAFT" }, spring, PARIS).text).toBe("Due Mon 30 Mar 00:30 CEST");
    // Autumn: Saturday 24 October 2026, 23:30 CEST; 25 hours later is still tomorrow, 23:30 CET.
    const autumn = at("2026-10-24T21:30:00Z");
    expect(dueLabel({ deadline: at("2026-10-25T22:30:00Z"), status: "DRAFT" }, autumn, PARIS).text).toBe("Due tomorrow 23:30 CET");
  });

  it("names the year only when it is another one", () => {
    expect(relativeDay(at("2027-01-08T15:00:00Z"), at("2026-12-30T12:00:00Z"), PARIS)).toBe("Fri 8 Jan 2027");
    expect(relativeDay(at("2026-12-31T15:00:00Z"), at("2026-12-28T12:00:00Z"), PARIS)).toBe("Thu 31 Dec");
    // New Year's Eve to New Year's Day is still "tomorrow".
    expect(relativeDay(at("2027-01-01T10:00:00Z"), at("2026-12-31T12:00:00Z"), PARIS)).toBe("tomorrow");
  });

  it("is overdue exactly when the budget says so", () => {
    for (const status of ["DRAFT", "CHANGES_REQUESTED", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"] as const) {
      for (const deadline of ["2026-12-07T19:59:59Z", "2026-12-07T20:00:01Z"]) {
        const story = { deadline: at(deadline), status };
        expect(dueLabel(story, now, PARIS).overdue).toBe(isOverdue(story, now));
      }
    }
  });
});
