import { dueLabel } from "@/lib/articles/deadlines";
import { newsroomTimeZone } from "@/lib/format";
import type { ArticleState } from "@/lib/workflow";

/** Stories whose deadline still means something to someone: not yet scheduled, live or archived. */
export const STILL_DUE: readonly ArticleState[] = ["DRAFT", "CHANGES_REQUESTED", "IN_REVIEW"];

/** "Due tomorrow 16:00 CET" or, in red, "Overdue (due today 09:30 CET)": the day and time in the newsroom's zone. */
export function DueLabel({ deadline, status, now }: { deadline: Date; status: ArticleState; now: Date }) {
  const due = dueLabel({ deadline, status }, now, newsroomTimeZone());
  return (
    <span data-testid="due" data-overdue={due.overdue} className={due.overdue ? "font-semibold text-red-700" : "font-semibold"}>
      {due.text}
    </span>
  );
}

const EXCERPT_CHARS = 140;

/** The first words of a brief, on one line, for a list row. */
export function briefExcerpt(brief: string): string {
  const line = brief.replace(/\s+/g, " ").trim();
  return line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : line;
}
