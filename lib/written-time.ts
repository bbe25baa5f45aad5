import { formatDateTime, formatTime } from "@/lib/format";
import { instantOfWallTime, wallTimeOf, zoneAbbreviation } from "@/lib/time-zone";

/**
 * Times and days as people type them: in the form the newsroom shows them
 * (lib/format.ts: "8 Dec 2026, 16:00 EST", a 24-hour clock, day before
 * month), read in the newsroom's zone. Pure: the same reading in the browser
 * (a hint as you type) and on the server (what counts), so a time is never
 * read one way in the form and another in the database.
 *
 * Read:
 *   8 Dec 2026, 16:00 · 8 Dec 2026 16:00 · 8 December 2026 at 16:00 ·
 *   Tue 8 Dec 2026, 16:00 EST (what the read-back shows) · Dec 8, 2026 4pm ·
 *   08/12/2026 16:00 (numbers are DAY first, as the newsroom writes dates;
 *   also 8.12.2026 and 8-12-2026) · 2026-12-08 16:00 · 2026-12-08T16:00
 *   (what a datetime-local input and the API send) · ISO 8601 with an offset
 *   (2026-12-08T21:00:00Z), which names its own instant · the clock first,
 *   16:00, 8 Dec 2026 or 4pm on Tue 8 Dec 2026.
 * Month names full or short, any letter case; a weekday, if given, must be
 * the date's; a zone, if given, must be the newsroom's own (EST or EDT for
 * New York), and in the hour the clocks go back it says which of the two
 * 01:30s is meant.
 * Refused, each with a message saying what to write: days not in the
 * calendar (31 Feb), 24:00 and later, 13:00 pm, a missing year or time,
 * two-digit years, another zone, anything else.
 */

export const TIME_EXAMPLE = "8 Dec 2026, 16:00";
export const DAY_EXAMPLE = "8 Dec 2026";
const TIME_FORMAT = `like ${TIME_EXAMPLE} (day month year, 24-hour clock)`;
const DAY_FORMAT = `like ${DAY_EXAMPLE} (day month year)`;

export type TimeReading =
  | { ok: true; instant: Date; /** "2026-12-08T16:00" in the zone */ wall: string; /** the clocks changed around it */ note?: string }
  | { ok: false; message: string };
export type DayReading = { ok: true; /** "2026-12-08" */ day: string } | { ok: false; message: string };

/** A refusal inside the reader, caught at its edge and returned as a message. */
class Refusal extends Error {}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
/** A full name or its first three letters or more ("dec", "sept", "tues"). */
const nameIndex = (names: string[], word: string) => (word.length >= 3 ? names.findIndex((name) => name.startsWith(word)) : -1);

const pad = (value: number, width = 2) => String(value).padStart(width, "0");
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthShort = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });
const weekdayShort = new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "UTC" });

type CalendarDay = { year: number; month: number; day: number };
const isoDay = ({ year, month, day }: CalendarDay) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
const dayDate = (day: CalendarDay) => new Date(Date.UTC(day.year, day.month - 1, day.day, 12));

/** "8 Dec 2026" for a calendar day ("2026-12-08"), in the newsroom's spelling of months. */
export function writtenDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return `${date} ${monthShort.format(dayDate({ year, month, day: date }))} ${year}`;
}

/** "8 Dec 2026, 16:00" for a wall time ("2026-12-08T16:00"): what a field shows for a time it already holds. */
export const writtenWallTime = (wall: string): string => `${writtenDay(wall.slice(0, 10))}, ${wall.slice(11, 16)}`;

/**
 * What a field shows for a time it already holds: the newsroom's display
 * (lib/format.ts's formatDateTime, the one rule for how times are written)
 * without the zone's name, "8 Dec 2026, 16:00" — except in the hour the
 * clocks go back, where the name says which of the two 01:30s it is
 * ("1 Nov 2026, 01:30 EST"), so saving a form unchanged never moves it.
 */
export function writtenTime(instant: Date, zone: string): string {
  const shown = formatDateTime(instant, zone);
  const wall = wallTimeOf(instant, zone);
  if (instantsOf(wall, zone).length > 1) return shown;
  const name = ` ${zoneAbbreviation(instant, zone)}`;
  return shown.endsWith(name) ? shown.slice(0, -name.length) : shown;
}

/** "Tue 8 Dec 2026, 16:00 EST": a typed time read back, with its weekday, so a wrong day stands out. */
export const readBackTime = (instant: Date, zone: string): string =>
  `${weekdayShort.format(dayDate(dayOfWall(wallTimeOf(instant, zone))))} ${formatDateTime(instant, zone)}`;

/** "Tue 8 Dec 2026" */
export const readBackDay = (day: string): string => `${weekdayShort.format(dayDate(dayOfWall(day)))} ${writtenDay(day)}`;

function dayOfWall(wall: string): CalendarDay {
  const [year, month, day] = wall.slice(0, 10).split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

function checkDay(year: number, month: number, day: number, typed: string): CalendarDay {
  if (year < 1000) throw new Refusal(`${typed}: write the year in full, ${TIME_FORMAT}`);
  if (month < 1 || month > 12) throw new Refusal(`there is no month ${month}: numbers are read day first, ${TIME_FORMAT}`);
  if (day < 1 || day > daysIn(year, month)) {
    throw new Refusal(`there is no ${day} ${monthShort.format(dayDate({ year, month, day: 1 }))} ${year}`);
  }
  return { year, month, day };
}

const ORDINAL = "(?:st|nd|rd|th)?";
const DATE_FORMS: { pattern: RegExp; read: (match: RegExpExecArray) => CalendarDay }[] = [
  // 8 Dec 2026 · 8th of December, 2026
  { pattern: new RegExp(`^(\\d{1,2})${ORDINAL}\\s*(?:of\\s+)?([a-z]+)\\.?,?\\s*(\\d{4})(?![\\d])`), read: (m) => named(m[3]!, m[2]!, m[1]!) },
  // Dec 8, 2026
  { pattern: new RegExp(`^([a-z]+)\\.?\\s*(\\d{1,2})${ORDINAL},?\\s*(\\d{4})(?![\\d])`), read: (m) => named(m[3]!, m[1]!, m[2]!) },
  // 2026-12-08 · 2026/12/08: year first, then month
  { pattern: /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\d])/, read: (m) => checkDay(Number(m[1]), Number(m[3]), Number(m[4]), m[0]) },
  // 08/12/2026 · 8.12.2026 · 8-12-2026: day first, as the newsroom writes dates (never the US month first)
  {
    pattern: /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d])/,
    read: (m) => {
      if (Number(m[3]) > 12) throw new Refusal(`${m[0]} has no month ${Number(m[3])}: numbers are read day first, ${TIME_FORMAT}`);
      return checkDay(Number(m[4]), Number(m[3]), Number(m[1]), m[0]);
    },
  },
];

function named(year: string, monthName: string, day: string): CalendarDay {
  const month = nameIndex(MONTHS, monthName);
  if (month < 0) throw new Refusal(`“${monthName}” is not a month, ${TIME_FORMAT}`);
  return checkDay(Number(year), month + 1, Number(day), `${day} ${monthName} ${year}`);
}

const titled = (word: string) => `${word[0]!.toUpperCase()}${word.slice(1)}`;

/** Reads the date at the start of the text (after an optional weekday, which must be the date's); returns the rest. */
function leadingDate(text: string): { day: CalendarDay; rest: string } {
  let rest = text;
  const weekdayWord = /^([a-z]+)\.?,?\s+/.exec(rest);
  const weekday = weekdayWord ? nameIndex(WEEKDAYS, weekdayWord[1]!) : -1;
  if (weekday >= 0) rest = rest.slice(weekdayWord![0].length);
  for (const form of DATE_FORMS) {
    const match = form.pattern.exec(rest);
    if (!match) continue;
    const day = form.read(match);
    const actual = dayDate(day).getUTCDay();
    if (weekday >= 0 && weekday !== actual) throw new Refusal(`${writtenDay(isoDay(day))} is a ${titled(WEEKDAYS[actual]!)}, not a ${titled(WEEKDAYS[weekday]!)}`);
    return { day, rest: rest.slice(match[0].length) };
  }
  // Near misses, named so the fix is obvious.
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}(?!\d)/.test(rest)) throw new Refusal(`write the year in full, ${TIME_FORMAT}`);
  const yearless = new RegExp(`^(?:\\d{1,2}${ORDINAL}\\s*(?:of\\s+)?([a-z]+)|([a-z]+)\\.?\\s*\\d{1,2}${ORDINAL}(?![:.\\d])|\\d{1,2}/\\d{1,2}(?![/\\d]))`).exec(rest);
  if (yearless && (yearless[1] ?? yearless[2]) === undefined) throw new Refusal(`add the year, ${TIME_FORMAT}`);
  if (yearless && nameIndex(MONTHS, (yearless[1] ?? yearless[2])!) >= 0) throw new Refusal(`add the year, ${TIME_FORMAT}`);
  if (/^\d{1,2}(?:[:.]\d{2}|\s*[ap]\.?m\b)/.test(rest)) throw new Refusal(`start with the day, ${TIME_FORMAT}`);
  throw new Refusal(`write a date and time ${TIME_FORMAT}`);
}

/** Reads "16:00", "16:00:30", "16.00", "4pm", "4:30 p.m." at the start of the text; returns the rest. */
function leadingClock(text: string): { hour: number; minute: number; second: number; rest: string } {
  const match = /^(\d{1,2})(?:[:.](\d{2})(?::(\d{2}))?)?(?:\s*([ap])\.?m\.?(?![a-z]))?/.exec(text);
  if (!match || (match[2] === undefined && match[4] === undefined)) throw new Refusal(`write the time on the 24-hour clock, ${TIME_FORMAT}`);
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const second = Number(match[3] ?? 0);
  const half = match[4];
  const clock = match[0].trim();
  if (half) {
    if (hour < 1 || hour > 12) throw new Refusal(`${clock} mixes the 24-hour clock with am/pm: write ${pad(hour)}:${pad(minute)}`);
    hour = (hour % 12) + (half === "p" ? 12 : 0);
  } else if (hour > 23) {
    throw new Refusal(`${clock} is not a time: the 24-hour clock runs from 00:00 to 23:59 (midnight is 00:00 on the next day)`);
  }
  if (minute > 59 || second > 59) throw new Refusal(`${clock} is not a time: minutes and seconds run to 59`);
  return { hour, minute, second, rest: text.slice(match[0].length) };
}

type Clock = { hour: number; minute: number; second: number };

/**
 * The day and the clock, in either order: "8 Dec 2026, 16:00" as the newsroom
 * writes it, or "16:00, 8 Dec 2026" / "4pm on 8 Dec 2026" as some people say
 * it. The date is tried first, so "8.12.2026" is a day, never 08:12.
 */
function dateThenClock(typed: string): { day: CalendarDay; clock: Clock; rest: string } {
  let day: CalendarDay, afterDate: string;
  try {
    ({ day, rest: afterDate } = leadingDate(typed));
  } catch (error) {
    if (!(error instanceof Refusal) || !CLOCK_START.test(typed)) throw error;
    return clockThenDate(typed);
  }
  // "8 Dec 2026, 16:00" · "8 Dec 2026 16:00" · "… at 16:00" · "…, at 16:00" · "… - 16:00" · "2026-12-08T16:00"
  const separator = /^(?:(?:\s*[,\u2013\u2014]\s*|\s+-\s+|\s+)(?:at\s+)?|t)/.exec(afterDate);
  if (!separator) {
    if (afterDate === "" || /^\s*,?\s*$/.test(afterDate)) throw new Refusal(`add the time, ${TIME_FORMAT}`);
    throw new Refusal(`write a date and time ${TIME_FORMAT}`);
  }
  const { rest, ...clock } = leadingClock(afterDate.slice(separator[0].length));
  return { day, clock, rest };
}

const CLOCK_START = /^\d{1,2}(?:[:.]\d{2}|\s*[ap]\.?m\b)/;

/** "16:00, 8 Dec 2026" · "16:00 on Tue 8 Dec 2026" · "4pm 8 Dec 2026": the zone, if any, after the date. */
function clockThenDate(typed: string): { day: CalendarDay; clock: Clock; rest: string } {
  const { rest: afterClock, ...clock } = leadingClock(typed);
  const separator = /^(?:\s*,\s*|\s+)(?:on\s+)?/.exec(afterClock);
  if (!separator || afterClock.slice(separator[0].length) === "") {
    if (/^\s*,?\s*$/.test(afterClock)) throw new Refusal(`add the date, ${TIME_FORMAT}`);
    throw new Refusal(`write a date and time ${TIME_FORMAT}`);
  }
  const { day, rest } = leadingDate(afterClock.slice(separator[0].length));
  if (rest !== "" && !/^\s/.test(rest)) throw new Refusal(`write a date and time ${TIME_FORMAT}`);
  return { day, clock, rest };
}

/** ISO 8601 with an offset names its own instant; it is checked as strictly as a typed date (JavaScript would read 31 Feb as 3 March). */
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})t(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(z|[+-]\d{2}:?\d{2})$/;

/**
 * A typed date and time, read in the zone. In the hour the clocks skip the
 * time is read as the time-zone module reads it (with the offset before the
 * change: 02:30 becomes 03:30); in the hour they repeat, the earlier of the
 * two unless the zone's abbreviation says which.
 */
export function readTime(text: string, zone: string): TimeReading {
  const typed = text.trim().replace(/\s+/g, " ").toLowerCase();
  try {
    if (!typed || typed.length > 100) throw new Refusal(`write a date and time ${TIME_FORMAT}`);
    const iso = ISO_WITH_OFFSET.exec(typed);
    if (iso) {
      const day = checkDay(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[0]);
      const clock = leadingClock(`${iso[4]}:${iso[5]}:${iso[6] ?? "00"}`);
      const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(iso[8]!);
      if (offset && (Number(offset[2]) > 23 || Number(offset[3]) > 59)) throw new Refusal(`${iso[8]!.toUpperCase()} is not an offset from UTC`);
      const offsetMs = offset ? (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000 : 0;
      const milliseconds = Math.floor(Number(`0${iso[7] ?? ""}`) * 1000);
      const instant = new Date(Date.UTC(day.year, day.month - 1, day.day, clock.hour, clock.minute, clock.second, milliseconds) - offsetMs);
      return { ok: true, instant, wall: wallTimeOf(instant, zone) };
    }
    const { day, clock, rest } = dateThenClock(typed);
    const wall = `${isoDay(day)}T${pad(clock.hour)}:${pad(clock.minute)}${clock.second ? `:${pad(clock.second)}` : ""}`;
    const zoneWritten = rest.trim().replace(/^\((.*)\)$/, "$1");
    if (zoneWritten && !/^[a-z][a-z0-9:+\-/_]*$/.test(zoneWritten)) throw new Refusal(`write a date and time ${TIME_FORMAT}`);
    return readInZone(wall, zoneWritten, zone);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    throw error;
  }
}

/** Every instant the wall time names in the zone: one, two in the hour the clocks go back, none in the hour they skip. */
function instantsOf(wall: string, zone: string): Date[] {
  const first = instantOfWallTime(wall, zone);
  if (wallTimeOf(first, zone) !== wall.slice(0, 16)) return [];
  const second = [30, 60, 120].map((minutes) => new Date(first.getTime() + minutes * 60_000)).find((instant) => wallTimeOf(instant, zone) === wall.slice(0, 16));
  return second ? [first, second] : [first];
}

function readInZone(wall: string, zoneWritten: string, zone: string): TimeReading {
  const clock = wall.slice(11, 16);
  const instants = instantsOf(wall, zone);
  const names = (instant: Date) => [zoneAbbreviation(instant, zone).toLowerCase(), zone.toLowerCase()];
  if (instants.length === 0) {
    // Skipped by the clocks: read as the time-zone module reads it, and say so.
    const instant = instantOfWallTime(wall, zone);
    if (zoneWritten) checkZoneName(zoneWritten, wall, zone);
    return { ok: true, instant, wall, note: `${clock} does not happen that day (the clocks go forward): read as ${formatTime(instant, zone)}` };
  }
  if (zoneWritten) {
    const matching = instants.filter((instant) => names(instant).includes(zoneWritten));
    if (matching.length === 0) checkZoneName(zoneWritten, wall, zone, instants[0]);
    if (matching.length === 1 || instants.length === 1) return { ok: true, instant: (matching[0] ?? instants[0])!, wall };
  }
  if (instants.length === 2) {
    const [first, second] = instants as [Date, Date];
    return { ok: true, instant: first, wall, note: `${clock} happens twice that day (the clocks go back): read as the first, ${clock} ${zoneAbbreviation(first, zone)}; write ${clock} ${zoneAbbreviation(second, zone)} for the second` };
  }
  return { ok: true, instant: instants[0]!, wall };
}

/** A zone written after the time must be the newsroom's own: times are never silently read in another. */
function checkZoneName(written: string, wall: string, zone: string, instant?: Date): void {
  const year = Number(wall.slice(0, 4));
  const seasons = [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)].map((at) => zoneAbbreviation(new Date(at), zone));
  if (seasons.some((name) => name.toLowerCase() === written) || written === zone.toLowerCase()) {
    if (!instant) return;
    throw new Refusal(`on ${writtenDay(wall.slice(0, 10))} the newsroom's clocks are on ${zoneAbbreviation(instant, zone)}, not ${written.toUpperCase()}`);
  }
  throw new Refusal(`times are read in the newsroom's zone, ${zone} (${seasons[0]}${seasons[1] !== seasons[0] ? `/${seasons[1]}` : ""}): leave out “${written.toUpperCase()}” or write the time in the newsroom's`);
}

/** A typed calendar day ("8 Dec 2026", "08/12/2026", "2026-12-08", "Tue 8 Dec 2026"); a day has no zone. */
export function readDay(text: string): DayReading {
  const typed = text.trim().replace(/\s+/g, " ").toLowerCase();
  try {
    if (!typed || typed.length > 100) throw new Refusal(`write a day ${DAY_FORMAT}`);
    const { day, rest } = leadingDate(typed);
    if (rest.trim() !== "") throw new Refusal(`write just the day, ${DAY_FORMAT}`);
    return { ok: true, day: isoDay(day) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message.replace("a date and time", "a day").replace(TIME_FORMAT, DAY_FORMAT) };
    throw error;
  }
}
