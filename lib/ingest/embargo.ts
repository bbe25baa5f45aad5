import { instantOfWallTime, wallTimeOf } from "@/lib/time-zone";
import { readBackTime } from "@/lib/written-time";

/**
 * The embargo copy states, read for ingest. Pure: the newsroom's zone and
 * the moment of reading come in, an instant or a reason goes out.
 *
 * Two sources. A ninjs item's `embargoed` is an ISO 8601 date-time; one
 * without an offset is a wall time in the newsroom's zone. A press release
 * or stringer's copy says it in a line near the top, in every style the
 * senders use (tests/fixtures/embargo-lines.json holds the ones we meet):
 *   EMBARGOED UNTIL 00:01 GMT TUESDAY 8 DECEMBER 2026 · Embargo: 10:00 BST,
 *   9 Dec 2026 · Under embargo until 9 December 2026 at 10am · STRICTLY
 *   EMBARGOED UNTIL 0001 HRS 8/12/2026 · EMBARGO: Not for publication or
 *   broadcast before 00.01 hours, Thursday 10 December 2026 · Embargoed
 *   until 4:58 p.m. PT/7:58 p.m. ET on Sunday, Dec. 6, 2026.
 * A zone the line names (GMT, BST, CET, EST, ET, "UK time", GMT+1…) wins;
 * otherwise the newsroom's. Numbers are read day first (8/12 is 8 December)
 * unless the line's zone is American or the second number cannot be a month.
 * A date without a year is the next such date (today counts); a weekday
 * alone is the next such day; a time alone is the next such time; a day
 * without a time starts at 00:00. A weekday that is not the date's makes
 * the line unreadable: one of the two is wrong, and the desk must say which.
 */

export interface EmbargoContext {
  /** the newsroom's IANA zone */
  zone: string;
  now: Date;
}

export type EmbargoReading = { ok: true; instant: Date; assumed?: string } | { ok: false; problem: string };

/** What the copy's embargo comes to on the draft, and what the desk is told about it. */
export interface EmbargoOutcome {
  embargoUntil: Date | null;
  note: string;
}

// ——— the ninjs field ———

const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})([.,]\d{1,9})?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** A ninjs `embargoed` value: ISO 8601 with or without an offset (without: the newsroom's zone). */
export function readEmbargoField(value: unknown, zone: string): EmbargoReading {
  if (typeof value !== "string" || !value.trim()) return { ok: false, problem: "it is not a date and time" };
  const match = ISO.exec(value.trim());
  if (!match) return { ok: false, problem: "it is not an ISO 8601 date and time (2026-12-08T00:01:00Z)" };
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (!validDay(year, month, day)) return { ok: false, problem: `there is no ${day} ${MONTH_NAMES[month - 1] ?? `month ${month}`} ${year}` };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, problem: `${match[4]}:${match[5]} is not a time` };
  const milliseconds = Math.floor(Number(`0${(match[7] ?? "").replace(",", ".")}`) * 1000);
  const offset = match[8];
  if (!offset) return { ok: true, instant: new Date(instantOfWallTime(`${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`, zone).getTime() + milliseconds) };
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.replace(/[^0-9]/g, "");
  const minutes = /^[Zz]$/.test(offset) ? 0 : sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
  return { ok: true, instant: new Date(Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - minutes * 60_000) };
}

// ——— the line ———

/**
 * How an embargo line starts. "Embargo" must be followed by a separator,
 * "until"/"before", or the time itself: "Embargo on Russian oil tightened"
 * is a headline, not an embargo.
 */
const OPENING = /^(?:strictly\s+)?(?:embargoed|under\s+(?:an?\s+)?embargo|embargo)\b/i;
const NOT_FOR = /^(?:strictly\s+)?not\s+for\s+(?:(?:publication|release|broadcast|use|distribution|online|print|transmission)(?:\s*(?:,|\/|\bor\b|\band\b)\s*)?)+\s*(?:before|until|till)\b/i;
const HOLD = /^hold\s+(?:for\s+release\s+)?until\b/i;
const LEADER = /^(?:[\s:;,.*_|[\](){}<>-]|[–—]|\b(?:until|till|til|to|before|strictly|embargoed|embargo|is|in\s+place|lifts?\s+at)\b)+/i;

const MONTH = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const WEEKDAY = "mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?";
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A clock a line names: a fixed offset (GMT, BST, EST…) or a place's clock (ET follows New York's summer time). */
type NamedZone = { name: string; offset: number } | { name: string; zone: string };

/** Longest first, so "central european summer time" is not read as "central european time". */
const ZONES: [RegExp, NamedZone][] = (
  [
    ["central european summer time|cest|mesz", { name: "CEST", offset: 120 }],
    ["central european time|cet|mez", { name: "CET", offset: 60 }],
    ["eastern european summer time|eest", { name: "EEST", offset: 180 }],
    ["eastern european time|eet", { name: "EET", offset: 120 }],
    ["western european summer time", { name: "WEST", offset: 60 }],
    ["british summer time|bst", { name: "BST", offset: 60 }],
    ["greenwich mean time|gmt|utc", { name: "GMT", offset: 0 }],
    ["wet", { name: "WET", offset: 0 }],
    ["eastern standard time|est", { name: "EST", offset: -300 }],
    ["eastern daylight time|edt", { name: "EDT", offset: -240 }],
    ["central standard time|cst", { name: "CST", offset: -360 }],
    ["central daylight time|cdt", { name: "CDT", offset: -300 }],
    ["mountain standard time|mst", { name: "MST", offset: -420 }],
    ["mountain daylight time|mdt", { name: "MDT", offset: -360 }],
    ["pacific standard time|pst", { name: "PST", offset: -480 }],
    ["pacific daylight time|pdt", { name: "PDT", offset: -420 }],
    ["aest", { name: "AEST", offset: 600 }],
    ["aedt", { name: "AEDT", offset: 660 }],
    ["jst", { name: "JST", offset: 540 }],
    ["hkt", { name: "HKT", offset: 480 }],
    ["sgt", { name: "SGT", offset: 480 }],
    ["nzst", { name: "NZST", offset: 720 }],
    ["nzdt", { name: "NZDT", offset: 780 }],
    ["(?:u\\.?s\\.?\\s+)?eastern(?:\\s+time)?|(?:u\\.?s\\.?\\s+)?et", { name: "ET", zone: "America/New_York" }],
    ["(?:u\\.?s\\.?\\s+)?central\\s+time|(?:u\\.?s\\.?\\s+)?ct", { name: "CT", zone: "America/Chicago" }],
    ["(?:u\\.?s\\.?\\s+)?mountain(?:\\s+time)?|(?:u\\.?s\\.?\\s+)?mt", { name: "MT", zone: "America/Denver" }],
    ["(?:u\\.?s\\.?\\s+)?pacific(?:\\s+time)?|(?:u\\.?s\\.?\\s+)?pt", { name: "PT", zone: "America/Los_Angeles" }],
    ["(?:uk|london|british)(?:\\s+time)?", { name: "UK time", zone: "Europe/London" }],
    ["(?:paris|brussels|berlin|amsterdam|madrid|rome|stockholm)\\s+time", { name: "Central European time", zone: "Europe/Paris" }],
    ["(?:new\\s+york|washington)\\s+time", { name: "ET", zone: "America/New_York" }],
  ] as const
).map(([words, zone]) => [new RegExp(`(?<![\\p{L}\\d])(?:${words})(?![\\p{L}])`, "iu"), zone]);

/** "GMT+1", "UTC-05:00", "GMT +0100": an offset written out. */
const WRITTEN_OFFSET = /(?<![\p{L}])(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)/iu;
const AMERICAN = new Set(["EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "CT", "MT", "PT"]);

const pad = (value: number) => String(value).padStart(2, "0");
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const validDay = (year: number, month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
const monthOf = (word: string) => MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(word.toLowerCase().slice(0, 3))) + 1;
const weekdayOf = (word: string) => WEEKDAY_NAMES.findIndex((name) => name.toLowerCase().startsWith(word.toLowerCase().slice(0, 3)));

type Day =
  | { kind: "date"; year: number | null; month: number; day: number }
  | { kind: "weekday" }
  | { kind: "relative"; days: number }
  | { kind: "next" };

interface Parts {
  day: Day;
  weekday: number | null;
  clock: { hour: number; minute: number } | null;
  zone: NamedZone | null;
}

class Unreadable extends Error {}

/** Takes the first match of a pattern out of the text (blanked, so positions and word edges hold). */
function take(state: { text: string }, pattern: RegExp): RegExpExecArray | null {
  const match = pattern.exec(state.text);
  if (match) state.text = `${state.text.slice(0, match.index)} ${" ".repeat(match[0].length)} ${state.text.slice(match.index + match[0].length)}`;
  return match;
}

function readZone(state: { text: string }): NamedZone | null {
  const written = take(state, WRITTEN_OFFSET);
  if (written) {
    const minutes = (written[1] === "-" ? -1 : 1) * (Number(written[2]) * 60 + Number(written[3] ?? 0));
    if (Math.abs(minutes) > 14 * 60) throw new Unreadable(`${written[0].trim()} is not an offset from GMT`);
    clockBeforeZone(state, written.index);
    return { name: written[0].replace(/\s+/g, "").toUpperCase(), offset: minutes };
  }
  // The first zone named; a second clock given for other readers ("… PT/7:58 p.m. ET") was cut off before.
  let first: { index: number; zone: NamedZone; pattern: RegExp } | null = null;
  for (const [pattern, zone] of ZONES) {
    const match = pattern.exec(state.text);
    if (match && (!first || match.index < first.index)) first = { index: match.index, zone, pattern };
  }
  if (!first) return null;
  take(state, first.pattern);
  clockBeforeZone(state, first.index);
  return first.zone;
}

/** "1400 GMT": four digits just before a zone are its clock — when the line has no other (else they may be a year). */
function clockBeforeZone(state: { text: string }, zoneAt: number) {
  const before = /(?<![\d.:/-])([01]\d|2[0-3])([0-5]\d)\s*$/.exec(state.text.slice(0, zoneAt));
  if (!before || /\d[:.h]\d{2}|\d\s*[ap]\.?\s*m\b|\b(?:hrs?|hours|noon|midday|midnight)\b/i.test(state.text)) return;
  state.text = `${state.text.slice(0, before.index)}${before[1]}:${before[2]}${state.text.slice(before.index + before[1]!.length + before[2]!.length)}`;
}

function readClock(state: { text: string }): Parts["clock"] {
  const twelve = (hour: number, half: string, written: string) => {
    if (hour < 1 || hour > 12) throw new Unreadable(`${written.trim()} is not a time`);
    return (hour % 12) + (half.toLowerCase() === "p" ? 12 : 0);
  };
  const check = (hour: number, minute: number, written: string) => {
    if (hour > 23 || minute > 59) throw new Unreadable(`${written.trim()} is not a time`);
    return { hour, minute };
  };
  let match = take(state, /\b(?:one|a)\s+minute\s+(?:past|after)\s+midnight\b/i);
  if (match) return { hour: 0, minute: 1 };
  match = take(state, /(?:\b12\s*)?\b(?:noon|midday)\b/i);
  if (match) return { hour: 12, minute: 0 };
  match = take(state, /(?:\b12\s*)?\bmidnight\b/i);
  if (match) return { hour: 0, minute: 0 };
  // 4:58 p.m. · 10.30am · 10am · 4 p.m.
  match = take(state, /(?<![\d.:/-])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\b\.?/i);
  if (match) return check(twelve(Number(match[1]), match[3]!, match[0]), Number(match[2] ?? 0), match[0]);
  // 00:01 · 00.01 hrs · 10h00 · 14:30:00 — never a date's 8.12.2026
  match = take(state, /(?<![\d.:/-])(\d{1,2})[:.h](\d{2})(?::\d{2})?(?![.:/-]?\d)(?:\s*(?:hrs?|hours)\b\.?)?/i);
  if (match) return check(Number(match[1]), Number(match[2]), match[0]);
  // 0001 HRS · 1400h · 0900 on its own (a year never starts with 0; 2026 without "hrs" is left to be a year)
  match = take(state, /(?<![\d.:/-])(\d{2})(\d{2})\s*(?:hrs?|hours|h)\b\.?/i) ?? take(state, /(?<![\d.:/-])(0\d)(\d{2})(?![\d.:/-])/);
  if (match) return check(Number(match[1]), Number(match[2]), match[0]);
  // 10 hrs · 9 hours
  match = take(state, /(?<![\d.:/-])(\d{1,2})\s*(?:hrs|hours)\b\.?/i);
  if (match) return check(Number(match[1]), 0, match[0]);
  return null;
}

function readDate(state: { text: string }, american: boolean): Day | null {
  const year = (written: string | undefined) => {
    if (!written) return null;
    const value = Number(written);
    return written.length === 2 ? 2000 + value : value;
  };
  let match = take(state, /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/);
  if (match) return { kind: "date", year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  match = take(state, new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?(${MONTH})\\b\\.?(?:\\s*(\\d{4}))?`, "i"));
  if (match) return { kind: "date", year: year(match[3]), month: monthOf(match[2]!), day: Number(match[1]) };
  match = take(state, new RegExp(`\\b(${MONTH})\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:\\s*(\\d{4}))?`, "i"));
  if (match) return { kind: "date", year: year(match[3]), month: monthOf(match[1]!), day: Number(match[2]) };
  match = take(state, /(?<![\d:])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d:])/);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[3])];
    // Day first, as the newsroom writes dates; month first where the sender is American, or where the second number cannot be a month.
    const monthFirst = second > 12 || (american && first <= 12);
    return { kind: "date", year: year(match[4]), month: monthFirst ? first : second, day: monthFirst ? second : first };
  }
  if (take(state, /\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b/i)) return { kind: "relative", days: 0 };
  if (take(state, /\btomorrow\b/i)) return { kind: "relative", days: 1 };
  return null;
}

/** Words an embargo line wraps its time in; anything else with a digit in it means the line was not understood. */
const FILLER = /\b(?:on|at|the|of|from|and|or|hrs?|hours|local|time|am|pm|a\.m|p\.m|us|u\.s|not|for|publication|release|broadcast|use|distribution|online|print|transmission|until|till|before|by|day|morning|evening|afternoon|night|in|any|form|embargo|embargoed|strictly|please|note|this|is|under|an?|i\.e|e\.g|lifts?|ends?|expires?)\b/gi;

function parts(rest: string): Parts {
  // A second clock for other readers' zones ("4:58 p.m. PT/7:58 p.m. ET", "10:00 CET (09:00 GMT)") is the same moment: only the first is read.
  const first = rest
    .replace(/(?<=[\p{L}.])\s*\/\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s*m\.?)?\s*[\p{L}]{1,5}\b/giu, " ")
    .replace(/\(\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s*m\.?)?\s*[\p{L}]{2,5}\s*\)/giu, " ");
  const state = { text: ` ${first.replace(/[,;()[\]*_"“”]/g, " ")} ` };
  const zone = readZone(state);
  const clock = readClock(state);
  const american = zone !== null && AMERICAN.has(zone.name);
  const day = readDate(state, american);
  const weekdayMatch = take(state, new RegExp(`\\b(${WEEKDAY})\\b\\.?`, "i"));
  const weekday = weekdayMatch ? weekdayOf(weekdayMatch[1]!) : null;
  const left = state.text.replace(FILLER, " ").replace(/[\s.:/-]+/g, " ").trim();
  if (/\d/.test(left)) throw new Unreadable(`“${left}” is not a date or time it can read`);
  if (!day && weekday === null && !clock) throw new Unreadable("it names no date or time");
  if (day?.kind === "date") {
    if (day.month < 1 || day.month > 12) throw new Unreadable(`there is no month ${day.month}`);
    if (day.year !== null && !validDay(day.year, day.month, day.day)) throw new Unreadable(`there is no ${day.day} ${MONTH_NAMES[day.month - 1]} ${day.year}`);
    if (day.day < 1 || day.day > daysIn(2024, day.month)) throw new Unreadable(`there is no ${day.day} ${MONTH_NAMES[day.month - 1]}`);
    if (day.year !== null && weekday !== null) {
      const actual = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
      if (actual !== weekday) throw new Unreadable(`${day.day} ${MONTH_NAMES[day.month - 1]} ${day.year} is a ${WEEKDAY_NAMES[actual]}, not a ${WEEKDAY_NAMES[weekday]}`);
    }
  }
  return { day: day ?? (weekday !== null ? { kind: "weekday" } : { kind: "next" }), weekday, clock, zone };
}

/** The wall clock of a named zone (or the newsroom's) at an instant: its calendar day. */
function todayIn(now: Date, zone: NamedZone | null, newsroom: string): { year: number; month: number; day: number } {
  const wall = zone && "offset" in zone ? new Date(now.getTime() + zone.offset * 60_000).toISOString() : wallTimeOf(now, zone && "zone" in zone ? zone.zone : newsroom);
  return { year: Number(wall.slice(0, 4)), month: Number(wall.slice(5, 7)), day: Number(wall.slice(8, 10)) };
}

function instantAt(date: { year: number; month: number; day: number }, clock: { hour: number; minute: number }, zone: NamedZone | null, newsroom: string): Date {
  if (zone && "offset" in zone) return new Date(Date.UTC(date.year, date.month - 1, date.day, clock.hour, clock.minute) - zone.offset * 60_000);
  return instantOfWallTime(`${date.year}-${pad(date.month)}-${pad(date.day)}T${pad(clock.hour)}:${pad(clock.minute)}`, zone && "zone" in zone ? zone.zone : newsroom);
}

const addDays = (date: { year: number; month: number; day: number }, days: number) => {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
};
const weekdayOfDate = (date: { year: number; month: number; day: number }) => new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();

/** The instant the parts name, the missing pieces filled in as the module comment says. */
function resolve({ day, weekday, clock, zone }: Parts, { zone: newsroom, now }: EmbargoContext): EmbargoReading {
  const today = todayIn(now, zone, newsroom);
  const time = clock ?? { hour: 0, minute: 0 };
  const assumed: string[] = clock ? [] : ["no time given: from the start of the day"];
  let date: { year: number; month: number; day: number };
  if (day.kind === "date" && day.year !== null) date = { year: day.year, month: day.month, day: day.day };
  else if (day.kind === "date") {
    // The next such date, today included (a 29 February waits for its year).
    const next = [0, 1, 2, 3, 4, 5, 6, 7, 8]
      .map((ahead) => ({ year: today.year + ahead, month: day.month, day: day.day }))
      .find((candidate) => validDay(candidate.year, candidate.month, candidate.day) && (candidate.year > today.year || candidate.month > today.month || (candidate.month === today.month && candidate.day >= today.day)))!;
    const thisYear = { year: today.year, month: day.month, day: day.day };
    if (weekday === null || weekdayOfDate(next) === weekday) date = next;
    // The weekday fits this year's date, already gone: a stale release, whose embargo has passed (and is said to have).
    else if (validDay(thisYear.year, thisYear.month, thisYear.day) && weekdayOfDate(thisYear) === weekday) date = thisYear;
    else return { ok: false, problem: `${next.day} ${MONTH_NAMES[next.month - 1]} ${next.year} is a ${WEEKDAY_NAMES[weekdayOfDate(next)]}, not a ${WEEKDAY_NAMES[weekday]}` };
    if (date.year !== today.year) assumed.push(`no year given: ${date.year}`);
  } else if (day.kind === "relative") date = addDays(today, day.days);
  else if (day.kind === "weekday") date = addDays(today, (weekday! - weekdayOfDate(today) + 7) % 7);
  else {
    // A time alone: the next such time.
    date = today;
    if (instantAt(date, time, zone, newsroom) <= now) date = addDays(today, 1);
    assumed.push("no day given: the next such time");
  }
  return { ok: true, instant: instantAt(date, time, zone, newsroom), ...(assumed.length > 0 && { assumed: assumed.join("; ") }) };
}

/** What follows the word "embargo(ed)" on an embargo line: a separator, "until"/"before", or the time itself — or nothing. */
const AFTER_OPENING = new RegExp(`^\\s*(?:[:|-]|\\b(?:until|till|til|to|before|lifts?|ends|expires)\\b|\\d|\\b(?:${WEEKDAY}|${MONTH}|today|tomorrow|midnight|noon|midday)\\b|$)`, "i");
/** Something a time is made of; a bare "Embargo: what it means for farmers" has none and is a headline, not an embargo. */
const TIMELIKE = new RegExp(`\\d|\\b(?:${WEEKDAY}|${MONTH}|today|tonight|tomorrow|midnight|noon|midday|until|till|before)\\b`, "i");

/**
 * A line of copy read as an embargo: null when it is no embargo line at all;
 * else the instant, or why its time could not be read (the line then stays
 * in the body and the desk is told).
 */
export function readEmbargoLine(line: string, context: EmbargoContext): EmbargoReading | null {
  const text = line.normalize("NFKC").replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\s+/g, " ").trim().replace(/^[*_#>[(\s]+|[*_\])\s]+$/g, "");
  if (text.length > 200) return null;
  const opening = OPENING.exec(text);
  const other = opening ? null : (NOT_FOR.exec(text) ?? HOLD.exec(text));
  if (!opening && !other) return null;
  let rest = text.slice((opening ?? other)![0].length);
  if (opening) {
    // "Embargoed goods seized" and "Embargo on oil tightened" are news, not embargo lines.
    if (!AFTER_OPENING.test(rest)) return null;
    // The noun with a colon and no time at all ("Embargo: what it means for farmers") is a headline.
    if (!/embargoed|under/i.test(opening[0]) && rest.trim() && !TIMELIKE.test(rest)) return null;
  }
  rest = rest.replace(LEADER, " ");
  // "EMBARGO: Not for publication or broadcast before 00.01 hours, …"
  const notFor = NOT_FOR.exec(rest.trim());
  if (notFor) rest = rest.trim().slice(notFor[0].length).replace(LEADER, " ");
  // "Embargoed until 2026-12-08T00:01:00Z": a machine's time, read as the ninjs field is.
  if (ISO.test(rest.trim())) return readEmbargoField(rest.trim(), context.zone);
  try {
    return resolve(parts(rest), context);
  } catch (error) {
    if (error instanceof Unreadable) return { ok: false, problem: error.message };
    throw error;
  }
}

// ——— what the draft gets ———

/**
 * What an embargo the copy stated comes to: set when still to come, not set
 * when it has passed or could not be read — either way the desk is told in
 * the ingest answer's notes, quoting what the copy said.
 */
export function embargoOutcome(stated: string, reading: EmbargoReading, { zone, now }: EmbargoContext): EmbargoOutcome {
  if (!reading.ok) return { embargoUntil: null, note: `The copy states an embargo (“${stated}”) whose time could not be read — ${reading.problem}. No embargo is set: set it by hand.` };
  const when = readBackTime(reading.instant, zone);
  if (reading.instant.getTime() <= now.getTime()) return { embargoUntil: null, note: `The copy's embargo (“${stated}”, ${when}) has passed: no embargo is set.` };
  return { embargoUntil: reading.instant, note: `Embargoed until ${when}, from “${stated}”${reading.assumed ? ` (${reading.assumed})` : ""}.` };
}
