import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/format";
import { instantOfWallTime, wallTimeOf, zoneAbbreviation } from "@/lib/time-zone";
import { readBackDay, readBackTime, readDay, readTime, writtenDay, writtenTime, writtenWallTime } from "@/lib/written-time";

const NEW_YORK = "America/New_York";
const BERLIN = "Europe/Berlin";

/** The instant a typed text is read as, or the refusal's message. */
function read(text: string, zone = NEW_YORK): string {
  const reading = readTime(text, zone);
  return reading.ok ? reading.instant.toISOString() : `refused: ${reading.message}`;
}

describe("a date and time typed as the newsroom shows it", () => {
  // 16:00 on 8 Dec 2026 in New York (EST, UTC−5) is 21:00 UTC.
  const EIGHT_DEC_1600 = "2026-12-08T21:00:00.000Z";

  it("is read in the newsroom's zone, in every form people type it", () => {
    for (const text of [
      "8 Dec 2026, 16:00",
      "8 Dec 2026 16:00",
      "08 Dec 2026, 16:00",
      "8 December 2026, 16:00",
      "8 DECEMBER 2026 16:00",
      "8 dec. 2026 at 16:00",
      "8th of December, 2026, 16:00",
      "  8   Dec   2026 ,  16:00  ",
      "Tue 8 Dec 2026, 16:00 EST",
      "Tuesday, 8 December 2026 16:00",
      "tues 8 dec 2026 16.00",
      "Dec 8, 2026 4pm",
      "December 8 2026, 4:00 p.m.",
      "08/12/2026 16:00",
      "8/12/2026 16:00",
      "8.12.2026 16.00",
      "8-12-2026 16:00",
      "2026-12-08 16:00",
      "2026/12/08 16:00",
      "2026-12-08T16:00",
      "2026-12-08T16:00:00",
      "8 Dec 2026, 16:00 (EST)",
      "8 Dec 2026, at 16:00",
      "8 Dec 2026 - 16:00",
      "8 Dec 2026 \u2013 16:00",
      "8 Dec 2026,16:00",
      "8 december 2026, 4 pm",
      "16:00, 8 Dec 2026",
      "16:00 8 Dec 2026 EST",
      "4pm on Tue 8 Dec 2026",
      "16.00 on 08/12/2026",
      "8 Dec 2026, 16:00 america/new_york",
      "2026-12-08T21:00:00Z",
      "2026-12-08T16:00:00-05:00",
      "2026-12-08T22:00:00.000+01:00",
    ]) {
      expect(read(text), text).toBe(EIGHT_DEC_1600);
    }
  });

  it("keeps seconds, reads am and pm when written, and 12am as midnight", () => {
    expect(read("8 Dec 2026, 16:00:30")).toBe("2026-12-08T21:00:30.000Z");
    expect(read("8 Dec 2026, 12am")).toBe("2026-12-08T05:00:00.000Z");
    expect(read("8 Dec 2026, 12 pm")).toBe("2026-12-08T17:00:00.000Z");
    expect(read("8 Dec 2026, 00:00")).toBe("2026-12-08T05:00:00.000Z");
    expect(read("8 Dec 2026, 23:59")).toBe("2026-12-09T04:59:00.000Z");
  });

  it("reads the same text in another newsroom's zone as that zone's time", () => {
    expect(read("8 Dec 2026, 16:00", BERLIN)).toBe("2026-12-08T15:00:00.000Z");
    expect(read("8 Dec 2026, 16:00 CET", BERLIN)).toBe("2026-12-08T15:00:00.000Z");
    expect(read("8 Jul 2026, 16:00 CEST", BERLIN)).toBe("2026-07-08T14:00:00.000Z");
    expect(read("8 Dec 2026, 16:00", "Asia/Kolkata")).toBe("2026-12-08T10:30:00.000Z");
    expect(read("8 Dec 2026, 16:00 GMT+5:30", "Asia/Kolkata")).toBe("2026-12-08T10:30:00.000Z");
    expect(read("8 Dec 2026, 16:00 UTC", "UTC")).toBe("2026-12-08T16:00:00.000Z");
  });

  it("gives the wall time it read, which the time-zone module reads back the same", () => {
    const reading = readTime("Tue 8 Dec 2026, 16:00", NEW_YORK);
    expect(reading).toEqual({ ok: true, instant: new Date(EIGHT_DEC_1600), wall: "2026-12-08T16:00" });
    expect(instantOfWallTime("2026-12-08T16:00", NEW_YORK).toISOString()).toBe(EIGHT_DEC_1600);
  });

  it("in the hour the clocks skip, reads as the time-zone module does, and says so", () => {
    // 8 March 2026: New York's clocks go 02:00 EST → 03:00 EDT.
    const reading = readTime("8 Mar 2026, 02:30", NEW_YORK);
    expect(reading.ok && reading.instant).toEqual(instantOfWallTime("2026-03-08T02:30", NEW_YORK));
    expect(reading.ok && wallTimeOf(reading.instant, NEW_YORK)).toBe("2026-03-08T03:30");
    expect(reading.ok && reading.note).toBe("02:30 does not happen that day (the clocks go forward): read as 03:30 EDT");
    expect(read("29 Mar 2026, 02:30", BERLIN)).toBe(instantOfWallTime("2026-03-29T02:30", BERLIN).toISOString());
  });

  it("in the hour the clocks repeat, reads the first unless the zone's abbreviation names the second", () => {
    // 1 November 2026: New York's clocks go 02:00 EDT → 01:00 EST, so 01:30 happens twice.
    const first = readTime("1 Nov 2026, 01:30", NEW_YORK);
    expect(first).toEqual({
      ok: true,
      instant: new Date("2026-11-01T05:30:00Z"),
      wall: "2026-11-01T01:30",
      note: "01:30 happens twice that day (the clocks go back): read as the first, 01:30 EDT; write 01:30 EST for the second",
    });
    expect(read("1 Nov 2026, 01:30 EDT")).toBe("2026-11-01T05:30:00.000Z");
    expect(read("1 Nov 2026, 01:30 EST")).toBe("2026-11-01T06:30:00.000Z");
    expect(read("25 Oct 2026, 02:30 CET", BERLIN)).toBe("2026-10-25T01:30:00.000Z");
    expect(read("25 Oct 2026, 02:30", BERLIN)).toBe(instantOfWallTime("2026-10-25T02:30", BERLIN).toISOString());
  });

  it("refuses what is not a time in the calendar, saying what is wrong and what to write", () => {
    expect(read("31 Feb 2027, 16:00")).toBe("refused: there is no 31 Feb 2027");
    expect(read("29 Feb 2027, 16:00")).toBe("refused: there is no 29 Feb 2027");
    expect(read("29 Feb 2028, 16:00")).toBe("2028-02-29T21:00:00.000Z");
    expect(read("31/04/2026 10:00")).toBe("refused: there is no 31 Apr 2026");
    expect(read("2026-02-31T10:00")).toBe("refused: there is no 31 Feb 2026");
    expect(read("2026-02-31T10:00:00Z")).toBe("refused: there is no 31 Feb 2026");
    expect(read("2026-13-01 10:00")).toMatch(/^refused: there is no month 13/);
    expect(read("8 Dec 2026, 24:00")).toBe("refused: 24:00 is not a time: the 24-hour clock runs from 00:00 to 23:59 (midnight is 00:00 on the next day)");
    expect(read("2026-12-08T24:00:00Z")).toMatch(/^refused: 24:00:00 is not a time/);
    expect(read("8 Dec 2026, 25:00")).toMatch(/^refused: 25:00 is not a time/);
    expect(read("8 Dec 2026, 16:60")).toBe("refused: 16:60 is not a time: minutes and seconds run to 59");
    expect(read("2026-12-08T16:00+99:99")).toBe("refused: +99:99 is not an offset from UTC");
    expect(read("2026-12-08T16:00:00.123456789Z")).toBe("2026-12-08T16:00:00.123Z");
    expect(read("2026-12-08t16:00-0130")).toBe("2026-12-08T17:30:00.000Z");
    expect(read("8 Dec 2026, 16:00 pm")).toBe("refused: 16:00 pm mixes the 24-hour clock with am/pm: write 16:00");
  });

  it("refuses US month-first numbers rather than guessing, and half-written dates", () => {
    expect(read("12/31/2026 10:00")).toBe("refused: 12/31/2026 has no month 31: numbers are read day first, like 8 Dec 2026, 16:00 (day month year, 24-hour clock)");
    expect(read("8 Dec 2026")).toBe("refused: add the time, like 8 Dec 2026, 16:00 (day month year, 24-hour clock)");
    expect(read("8 Dec 16:00")).toBe("refused: add the year, like 8 Dec 2026, 16:00 (day month year, 24-hour clock)");
    expect(read("Dec 8 16:00")).toMatch(/^refused: add the year/);
    expect(read("8/12 16:00")).toMatch(/^refused: add the year/);
    expect(read("8/12/26 16:00")).toMatch(/^refused: write the year in full/);
    expect(read("16:00")).toBe("refused: add the date, like 8 Dec 2026, 16:00 (day month year, 24-hour clock)");
    expect(read("16:00,")).toMatch(/^refused: add the date/);
    expect(read("16:00 tomorrow")).toMatch(/^refused: write a date and time like/);
    expect(read("16:00 8 Dec 2026x")).toMatch(/^refused: write a date and time like/);
    expect(read("8 Dec 2026, 16")).toMatch(/^refused: write the time on the 24-hour clock/);
    expect(read("8 Decmber 2026, 16:00")).toMatch(/^refused: “decmber” is not a month/);
    expect(read("Mon 8 Dec 2026, 16:00")).toBe("refused: 8 Dec 2026 is a Tuesday, not a Monday");
  });

  it("refuses another zone instead of reading the time in it, and the wrong season's name", () => {
    expect(read("8 Dec 2026, 16:00 PST")).toBe("refused: times are read in the newsroom's zone, America/New_York (EST/EDT): leave out “PST” or write the time in the newsroom's");
    expect(read("8 Dec 2026, 16:00 UTC")).toMatch(/^refused: times are read in the newsroom's zone/);
    expect(read("8 Dec 2026, 16:00 EDT")).toBe("refused: on 8 Dec 2026 the newsroom's clocks are on EST, not EDT");
  });

  it("refuses junk, with the format to write", () => {
    for (const junk of ["", "   ", "tomorrow", "next tuesday 4pm", "soon", "8", "2026", "8 Dec 2026, 16:00 and then", "8 Dec 2026, 16:00:00.5", "20261208 1600", "8 Dec 20266, 16:00", "1 2 3"]) {
      expect(read(junk), junk).toMatch(/^refused: .*like 8 Dec 2026, 16:00 \(day month year, 24-hour clock\)|^refused: times are read/);
    }
  });

  it("never throws, whatever is typed: every text is a reading or a refusal", () => {
    const pieces = ["8", "31", "12", "2026", "0000", "99", " ", ",", ":", ".", "/", "-", "t", "z", "+", "am", "pm", "dec", "feb", "tue", "EST", "EDT", "at", "24", "60", "(", ")", "\u00a0", "é"];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let round = 0; round < 5_000; round++) {
      const text = Array.from({ length: 1 + (next() % 12) }, () => pieces[next() % pieces.length]).join("");
      for (const zone of [NEW_YORK, "Australia/Lord_Howe"]) {
        const reading = readTime(text, zone);
        if (reading.ok) expect(Number.isNaN(reading.instant.getTime()), text).toBe(false);
      }
      readDay(text);
    }
  });

  it("writes a stored wall time in the newsroom's form, and reads back what was typed with its weekday and zone", () => {
    expect(writtenWallTime("2026-12-08T16:00")).toBe("8 Dec 2026, 16:00");
    expect(read(writtenWallTime("2026-09-05T07:05"))).toBe(instantOfWallTime("2026-09-05T07:05", NEW_YORK).toISOString());
    expect(readBackTime(new Date(EIGHT_DEC_1600), NEW_YORK)).toBe("Tue 8 Dec 2026, 16:00 EST");
    expect(readBackTime(new Date(EIGHT_DEC_1600), BERLIN)).toBe("Tue 8 Dec 2026, 22:00 CET");
    // What a time is shown as is read back as the same instant, weekday and all.
    for (const instant of [new Date(EIGHT_DEC_1600), new Date("2026-07-04T15:45:00Z"), new Date("2027-01-01T04:59:00Z")]) {
      expect(read(readBackTime(instant, NEW_YORK))).toBe(instant.toISOString());
      expect(read(formatDateTime(instant, NEW_YORK))).toBe(instant.toISOString());
    }
  });
});

describe("a time a field already holds, offered back for editing", () => {
  it("is written by the same rule every time is shown by, without the zone's name", () => {
    for (const zone of [NEW_YORK, BERLIN, "Asia/Kolkata", "UTC"]) {
      for (const instant of [new Date("2026-12-08T21:00:00Z"), new Date("2026-09-05T11:05:00Z"), new Date("2027-01-01T04:59:00Z"), new Date("2026-07-04T00:00:00Z")]) {
        // One rule in one place: the field's text is lib/format.ts's display less the zone, and reads back as the same instant.
        expect(`${writtenTime(instant, zone)} ${zoneAbbreviation(instant, zone)}`, zone).toBe(formatDateTime(instant, zone));
        expect(writtenTime(instant, zone)).toBe(writtenWallTime(wallTimeOf(instant, zone)));
        expect(read(writtenTime(instant, zone), zone)).toBe(instant.toISOString());
      }
    }
    expect(writtenTime(new Date("2026-12-08T21:00:00Z"), NEW_YORK)).toBe("8 Dec 2026, 16:00");
  });

  it("names the zone in the hour the clocks go back, so saving a form unchanged never moves a time by an hour", () => {
    const first = new Date("2026-11-01T05:30:00Z");
    const second = new Date("2026-11-01T06:30:00Z");
    expect(writtenTime(first, NEW_YORK)).toBe("1 Nov 2026, 01:30 EDT");
    expect(writtenTime(second, NEW_YORK)).toBe("1 Nov 2026, 01:30 EST");
    expect(read(writtenTime(first, NEW_YORK))).toBe(first.toISOString());
    expect(read(writtenTime(second, NEW_YORK))).toBe(second.toISOString());
    // Either side of that hour the name is left out again.
    expect(writtenTime(new Date("2026-11-01T04:30:00Z"), NEW_YORK)).toBe("1 Nov 2026, 00:30");
    expect(writtenTime(new Date("2026-11-01T07:30:00Z"), NEW_YORK)).toBe("1 Nov 2026, 02:30");
  });
});

describe("a day typed as the newsroom shows it", () => {
  it("reads the forms people type, and refuses what is not a day", () => {
    for (const text of ["8 Dec 2026", "8 december 2026", "Tue 8 Dec 2026", "Tuesday 8 December 2026", "Tuesday, 8 December 2026", "Dec 8, 2026", "08/12/2026", "8.12.2026", "2026-12-08"]) {
      expect(readDay(text), text).toEqual({ ok: true, day: "2026-12-08" });
    }
    expect(readDay("31 Feb 2027")).toEqual({ ok: false, message: "there is no 31 Feb 2027" });
    expect(readDay("8 Dec")).toEqual({ ok: false, message: "add the year, like 8 Dec 2026 (day month year)" });
    expect(readDay("8 Dec 2026, 16:00")).toEqual({ ok: false, message: "write just the day, like 8 Dec 2026 (day month year)" });
    expect(readDay("12/31/2026")).toEqual({ ok: false, message: "12/31/2026 has no month 31: numbers are read day first, like 8 Dec 2026 (day month year)" });
    expect(readDay("someday")).toEqual({ ok: false, message: "write a day like 8 Dec 2026 (day month year)" });
  });

  it("writes a day and reads it back", () => {
    expect(writtenDay("2026-12-08")).toBe("8 Dec 2026");
    expect(readBackDay("2026-12-08")).toBe("Tue 8 Dec 2026");
    expect(readDay(readBackDay("2027-03-01"))).toEqual({ ok: true, day: "2027-03-01" });
  });
});
