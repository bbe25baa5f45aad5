import { z } from "zod";
import { countWords } from "@/lib/content/word-count";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleWhere, type StaffViewer } from "@/lib/policy";
import { addDays, dayOf, dayRange, weekStart } from "@/lib/time-zone";
import { parseInput } from "@/lib/validation";
import { readDay } from "@/lib/written-time";
import { isOverdue } from "./deadlines";
import { MISSED_AFTER_MS } from "./publish-due";

/**
 * A calendar day ("2026-12-05"), or typed as the newsroom shows days ("5 Dec
 * 2026", "05/12/2026": the budget's day field sends what was typed);
 * 31 Feb is refused, never read as 3 March (lib/written-time.ts).
 */
const Day = z.string().transform((value, context) => {
  const reading = readDay(value);
  if (reading.ok) return reading.day;
  context.addIssue({ code: "custom", message: reading.message });
  return z.NEVER;
});
const Id = z.string().min(1).max(64);
const BudgetInput = z.object({ date: Day.optional(), section: Id.optional(), person: Id.optional() }).strict();
const CalendarInput = z.object({ week: Day.optional() }).strict();

export { isOverdue };

const budgetSelect = {
  id: true,
  slugLine: true,
  headline: true,
  status: true,
  body: true,
  deadline: true,
  plannedFor: true,
  scheduledFor: true,
  liveSince: true,
  section: { select: { id: true, name: true, position: true } },
  assignee: { select: { id: true, name: true } },
  editor: { select: { id: true, name: true } },
  author: { select: { id: true, name: true } },
} satisfies Prisma.ArticleSelect;

const inRange = (range: { start: Date; end: Date }) => ({ gte: range.start, lt: range.end });

/**
 * A day's stories (in the newsroom's zone): due, planned, scheduled or
 * gone live that day; grouped by section in the sections' order, stories
 * without one last.
 */
export async function storyBudget(viewer: StaffViewer, input: unknown, now = new Date()) {
  const filters = parseInput(BudgetInput, input);
  const zone = env().NEWSROOM_TIME_ZONE;
  const day = filters.date ?? dayOf(now, zone);
  const range = dayRange(day, zone);
  const rows = await db().article.findMany({
    where: {
      AND: [
        visibleWhere(viewer),
        { status: { not: "ARCHIVED" } },
        { OR: [{ deadline: inRange(range) }, { plannedFor: inRange(range) }, { status: "SCHEDULED", scheduledFor: inRange(range) }, { liveSince: inRange(range) }] },
        ...(filters.section ? [{ sectionId: filters.section }] : []),
        ...(filters.person ? [{ OR: [{ assigneeId: filters.person }, { editorId: filters.person }, { authorId: filters.person }] }] : []),
      ],
    },
    orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { plannedFor: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: budgetSelect,
  });
  const stories = rows.map(({ body, ...story }) => ({ ...story, wordCount: countWords(body), overdue: isOverdue(story, now) }));
  const sections = new Map<string, { id: string | null; name: string; position: number; stories: typeof stories }>();
  for (const story of stories) {
    const key = story.section?.id ?? "";
    if (!sections.has(key)) sections.set(key, { id: story.section?.id ?? null, name: story.section?.name ?? "No section", position: story.section?.position ?? Number.MAX_SAFE_INTEGER, stories: [] });
    sections.get(key)!.stories.push(story);
  }
  return { day, previous: addDays(day, -1), next: addDays(day, 1), timeZone: zone, sections: [...sections.values()].sort((a, b) => a.position - b.position) };
}

export type Budget = Awaited<ReturnType<typeof storyBudget>>;

/** A week (Monday first) of scheduled and planned stories, day by day, in time order. */
export async function storyCalendar(viewer: StaffViewer, input: unknown, now = new Date()) {
  const filters = parseInput(CalendarInput, input);
  const zone = env().NEWSROOM_TIME_ZONE;
  const monday = weekStart(filters.week ?? dayOf(now, zone));
  const days = Array.from({ length: 7 }, (_, index) => addDays(monday, index));
  const week = { start: dayRange(monday, zone).start, end: dayRange(days[6]!, zone).end };
  const rows = await db().article.findMany({
    where: { AND: [visibleWhere(viewer), { status: { not: "ARCHIVED" } }, { OR: [{ status: "SCHEDULED", scheduledFor: inRange(week) }, { status: { not: "SCHEDULED" }, plannedFor: inRange(week) }] }] },
    select: { id: true, slugLine: true, headline: true, status: true, scheduledFor: true, plannedFor: true, scheduleAlertAt: true, assignee: { select: { name: true } }, section: { select: { name: true } } },
  });
  const entries = rows
    .map((story) => {
      const at = story.status === "SCHEDULED" ? story.scheduledFor! : story.plannedFor!;
      const missed = story.status === "SCHEDULED" && (story.scheduleAlertAt !== null || at.getTime() < now.getTime() - MISSED_AFTER_MS);
      return { ...story, at, kind: story.status === "SCHEDULED" ? ("scheduled" as const) : ("planned" as const), missed };
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    weekOf: monday,
    previous: addDays(monday, -7),
    next: addDays(monday, 7),
    timeZone: zone,
    days: days.map((day) => ({ day, stories: entries.filter((entry) => dayOf(entry.at, zone) === day) })),
  };
}

export type Calendar = Awaited<ReturnType<typeof storyCalendar>>;

/** Scheduled stories that missed their time — failed, or late past MISSED_AFTER_MS: on the dashboard until they move. */
export function missedSchedules(viewer: StaffViewer, now = new Date()) {
  return db().article.findMany({
    where: { AND: [visibleWhere(viewer), { status: "SCHEDULED" }, { OR: [{ scheduleAlertAt: { not: null } }, { scheduledFor: { lt: new Date(now.getTime() - MISSED_AFTER_MS) } }] }] },
    orderBy: { scheduledFor: "asc" },
    select: { id: true, headline: true, slugLine: true, scheduledFor: true, scheduleProblem: true },
  });
}

/** Who stories can be assigned to, and who can edit them. */
export async function planningPeople() {
  const people = await db().user.findMany({ where: { disabled: false, machine: false }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } });
  return { staff: people.map(({ id, name }) => ({ id, name })), editors: people.filter((person) => person.role !== "REPORTER").map(({ id, name }) => ({ id, name })) };
}
