import { zoneAbbreviation } from "@/lib/time-zone";

const TIME_ZONE_ATTRIBUTE = "data-time-zone";

/**
 * The newsroom's zone (NEWSROOM_TIME_ZONE, checked in lib/env.ts). In the
 * browser it is read from the root element, where the root layout writes it,
 * so a client component shows the same time its server render did.
 */
export function newsroomTimeZone(): string {
  if (typeof window === "undefined") return process.env.NEWSROOM_TIME_ZONE || "UTC";
  return document.documentElement.getAttribute(TIME_ZONE_ATTRIBUTE) || "UTC";
}

/** The attribute the root layout puts on <html>. */
export const timeZoneAttribute = () => ({ [TIME_ZONE_ATTRIBUTE]: newsroomTimeZone() });

const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(kind: "dateTime" | "time" | "date", zone: string): Intl.DateTimeFormat {
  const key = `${kind}|${zone}`;
  let format = formats.get(key);
  if (!format) {
    const style: Intl.DateTimeFormatOptions =
      kind === "dateTime" ? { dateStyle: "medium", timeStyle: "short" } : kind === "time" ? { timeStyle: "short" } : { weekday: "long", day: "numeric", month: "long", year: "numeric" };
    format = new Intl.DateTimeFormat("en-GB", { ...style, timeZone: zone });
    formats.set(key, format);
  }
  return format;
}

/** "26 Nov 2026, 09:55 CET" — one zone for everyone, named, so a time reads the same for all. */
export function formatDateTime(date: Date, zone = newsroomTimeZone()): string {
  return `${formatIn("dateTime", zone).format(date)} ${zoneAbbreviation(date, zone)}`;
}

/** "09:55 CET" */
export function formatTime(date: Date, zone = newsroomTimeZone()): string {
  return `${formatIn("time", zone).format(date)} ${zoneAbbreviation(date, zone)}`;
}

/** "Saturday 5 December 2026" — a calendar day ("2026-12-05"), which has no zone of its own. */
export function formatDay(day: string): string {
  return formatIn("date", "UTC").format(new Date(`${day}T12:00:00Z`));
}

/** A draft may be untitled while it is written; lists still need something to show. */
export const headlineOrUntitled = (headline: string) => headline || "Untitled draft";
