import { describe, expect, it } from "vitest";
import { formatDateTime, formatTime } from "@/lib/format";
import { addDays, dayOf, dayRange, instantOfWallTime, isTimeZone, wallTimeOf, weekStart, zoneAbbreviation } from "@/lib/time-zone";

describe("wall times in the newsroom's zone", () => {
  it("reads a typed time in the zone, not in UTC or the machine's zone", () => {
    expect(instantOfWallTime("2026-12-05T14:30", "Europe/Berlin").toISOString()).toBe("2026-12-05T13:30:00.000Z");
    expect(instantOfWallTime("2026-07-05T14:30", "Europe/Berlin").toISOString()).toBe("2026-07-05T12:30:00.000Z");
    expect(instantOfWallTime("2026-12-05T09:15:30", "America/New_York").toISOString()).toBe("2026-12-05T14:15:30.000Z");
    expect(instantOfWallTime("2026-12-05T00:00", "Asia/Kolkata").toISOString()).toBe("2026-12-04T18:30:00.000Z");
    expect(instantOfWallTime("2026-12-05T09:00", "UTC").toISOString()).toBe("2026-12-05T09:00:00.000Z");
  });

  it("gives the time a skipped hour would have had with the old offset, and the earlier of a repeated hour", () => {
    // 29 March 2026: Berlin's clocks go 02:00 → 03:00; 25 October: 03:00 → 02:00.
    expect(wallTimeOf(instantOfWallTime("2026-03-29T02:30", "Europe/Berlin"), "Europe/Berlin")).toBe("2026-03-29T03:30");
    expect(instantOfWallTime("2026-10-25T02:30", "Europe/Berlin").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("round-trips every hour of a year through the wall time", () => {
    for (const zone of ["Europe/London", "America/Los_Angeles", "Australia/Sydney", "Asia/Kathmandu"]) {
      for (let hour = 0; hour < 365 * 24; hour += 7) {
        const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000);
        const wall = wallTimeOf(instant, zone);
        // Outside the repeated hour a wall time names exactly one instant.
        const back = instantOfWallTime(wall, zone);
        expect(wallTimeOf(back, zone), `${zone} ${instant.toISOString()}`).toBe(wall);
      }
    }
  });

  it("knows the days: which day an instant falls on there, how long a day is, which Monday starts its week", () => {
    expect(dayOf(new Date("2026-12-05T23:30:00Z"), "Europe/Berlin")).toBe("2026-12-06");
    expect(dayOf(new Date("2026-12-05T23:30:00Z"), "UTC")).toBe("2026-12-05");
    const short = dayRange("2026-03-29", "Europe/Berlin");
    expect(short.end.getTime() - short.start.getTime()).toBe(23 * 3_600_000);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(weekStart("2026-12-05")).toBe("2026-11-30");
    expect(weekStart("2026-12-07")).toBe("2026-12-07");
    expect(weekStart("2026-12-13")).toBe("2026-12-07");
  });

  it("names the zone the way its readers do", () => {
    expect(zoneAbbreviation(new Date("2026-07-01T12:00:00Z"), "Europe/London")).toBe("BST");
    expect(zoneAbbreviation(new Date("2026-12-01T12:00:00Z"), "Europe/Berlin")).toBe("CET");
    expect(zoneAbbreviation(new Date("2026-12-01T12:00:00Z"), "America/New_York")).toBe("EST");
    expect(zoneAbbreviation(new Date("2026-12-01T12:00:00Z"), "UTC")).toBe("UTC");
    expect(zoneAbbreviation(new Date("2026-12-01T12:00:00Z"), "Asia/Kolkata")).toBe("GMT+5:30");
  });

  it("formats times in the zone with its abbreviation", () => {
    expect(formatDateTime(new Date("2026-12-05T13:30:00Z"), "Europe/Berlin")).toBe("5 Dec 2026, 14:30 CET");
    expect(formatTime(new Date("2026-07-05T13:30:00Z"), "America/New_York")).toBe("09:30 EDT");
  });

  it("accepts IANA names and nothing else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("CEST+2")).toBe(false);
  });
});
