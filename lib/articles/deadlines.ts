import { formatTime } from "@/lib/format";
import { addDays, dayOf } from "@/lib/time-zone";
import type { ArticleState } from "@/lib/workflow";

/**
 * Deadlines as reporters read them. Pure (no database, no clock, no
 * browser), so the dashboard, the budget and the story's top say the same
 * thing, and a page in the browser can use it too.
 */

/** Still with the reporter: a deadline passed in one of these states is overdue. */
const UNFILED: readonly ArticleState[] = ["DRAFT", "CHANGES_REQUESTED"];

export const isOverdue = (story: { deadline: Date | null; status: ArticleState }, now: Date) =>
  story.deadline !== null && story.deadline.getTime() < now.getTime() && UNFILED.includes(story.status);

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayParts(instant: Date, zone: string) {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short", year: "numeric" });
    dayFormats.set(zone, format);
  }
  return Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
}

/**
 * The day an instant falls on, seen from now, both in the newsroom's zone:
 * "today", "tomorrow", "yesterday", else "Tue 8 Dec" ("Fri 8 Jan 2027" in
 * another year). Calendar days, not 24-hour spans: 00:30 tomorrow is
 * tomorrow even at 23:50, and a day the clocks change on is still one day.
 */
export function relativeDay(instant: Date, now: Date, zone: string): string {
  const day = dayOf(instant, zone);
  const today = dayOf(now, zone);
  if (day === today) return "today";
  if (day === addDays(today, 1)) return "tomorrow";
  if (day === addDays(today, -1)) return "yesterday";
  const parts = dayParts(instant, zone);
  return `${parts.weekday} ${parts.day} ${parts.month}${day.slice(0, 4) === today.slice(0, 4) ? "" : ` ${parts.year}`}`;
}

/**
 * "Due tomorrow 16:00 CET", "Due today 09:30 CET", "Due Tue 8 Dec 16:00 CET",
 * or — passed while the story is still with the reporter — "Overdue (due
 * today 09:30 CET)". A story filed late is not overdue: it waits on the desk.
 */
export function dueLabel(story: { deadline: Date; status: ArticleState }, now: Date, zone: string): { text: string; overdue: boolean } {
  const when = `${relativeDay(story.deadline, now, zone)} ${formatTime(story.deadline, zone)}`;
  return isOverdue(story, now) ? { text: `Overdue (due ${when})`, overdue: true } : { text: `Due ${when}`, overdue: false };
}
