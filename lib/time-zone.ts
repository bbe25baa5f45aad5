/**
 * The newsroom's one time zone, as pure functions of an instant and an IANA
 * zone name. Every time staff or readers see is shown in it, and a time typed
 * into a form (a wall time without offset) is read in it — never in the
 * browser's zone, never silently in UTC.
 */

/** "2026-12-05T14:30" — what a datetime-local input holds; seconds optional. */
export const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
export const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function wallParts(instant: Date, zone: string): Record<"year" | "month" | "day" | "hour" | "minute" | "second", number> {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    partsFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** How far the zone's clock is ahead of UTC at that instant, in ms. */
function offsetAt(instant: number, zone: string): number {
  const wall = wallParts(new Date(instant), zone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall time names in the zone. In the hour a clock skips the
 * time is read with the offset before the change; in the hour it repeats,
 * the earlier of the two.
 */
export function instantOfWallTime(wall: string, zone: string): Date {
  const match = WALL_TIME.exec(wall);
  if (!match) throw new RangeError(`not a wall time: ${wall}`);
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, Number.isNaN(second) ? 0 : second!);
  const before = asUtc - offsetAt(asUtc - 86_400_000 / 2, zone);
  const candidates = [asUtc - offsetAt(before, zone), before].filter((instant) => asUtc - offsetAt(instant, zone) === instant);
  return new Date(candidates.length > 0 ? Math.min(...candidates) : before);
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** The wall time of an instant in the zone, as a datetime-local input wants it. */
export function wallTimeOf(instant: Date, zone: string): string {
  const wall = wallParts(instant, zone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The calendar day ("2026-12-05") the instant falls on in the zone. */
export const dayOf = (instant: Date, zone: string): string => wallTimeOf(instant, zone).slice(0, 10);

/** The day after (or before, with a negative count) a calendar day. */
export function addDays(day: string, count: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + count)).toISOString().slice(0, 10);
}

/** Monday of the week a day falls in. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** [start, end) of a calendar day in the zone — 23 or 25 hours long on the days the clocks change. */
export const dayRange = (day: string, zone: string): { start: Date; end: Date } => ({
  start: instantOfWallTime(`${day}T00:00`, zone),
  end: instantOfWallTime(`${addDays(day, 1)}T00:00`, zone),
});

const nameFormats = new Map<string, Intl.DateTimeFormat>();
function zoneName(instant: Date, zone: string, locale: string): string {
  const key = `${locale}|${zone}`;
  let format = nameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" });
    nameFormats.set(key, format);
  }
  return format.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? zone;
}

/** "BST", "CET", "EST", "UTC" — or "GMT+5:30" where no abbreviation is in common use. */
export function zoneAbbreviation(instant: Date, zone: string): string {
  const british = zoneName(instant, zone, "en-GB");
  return british.startsWith("GMT") && british !== "GMT" ? zoneName(instant, zone, "en-US") : british;
}
