import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { storyCalendar } from "@/lib/articles";
import { pageViewer } from "@/lib/auth/page-viewer";
import { messageFor } from "@/lib/errors";
import { formatDay, formatTime, headlineOrUntitled } from "@/lib/format";
import { mayPlan } from "@/lib/policy";
import { Reschedule } from "./reschedule";

export const metadata = { title: "Calendar" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** A week of scheduled (committed) and planned (hoped-for) stories; editors move a scheduled one to another time here. */
export default async function CalendarPage({ searchParams }: Props) {
  const viewer = await pageViewer();
  const { week } = await searchParams;
  const calendar = await storyCalendar(viewer, week ? { week } : {}).catch((error: unknown) => ({ error: messageFor(error) }));
  if ("error" in calendar) {
    return <p role="alert" className="text-accent">{calendar.error} <Link href="/newsroom/calendar" className="underline">This week</Link></p>;
  }
  const canReschedule = mayPlan(viewer);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">Calendar</h1>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <Link href={`?week=${calendar.previous}`} className="rounded border border-rule bg-white px-3 py-1">← Previous week</Link>
        <span className="font-semibold" data-testid="calendar-week">Week of {formatDay(calendar.weekOf)}</span>
        <Link href={`?week=${calendar.next}`} className="rounded border border-rule bg-white px-3 py-1">Next week →</Link>
        <span className="text-muted">Times in {calendar.timeZone}</span>
      </div>
      <ol className="grid gap-3 md:grid-cols-7">
        {calendar.days.map(({ day, stories }) => (
          <li key={day} aria-label={formatDay(day)} className="min-h-32 rounded border border-rule bg-paper p-2 text-sm">
            <h2 className="text-xs font-bold uppercase text-muted">{formatDay(day)}</h2>
            <ul className="mt-2 space-y-2">
              {stories.map((story) => (
                <li key={story.id} data-testid="calendar-story" data-kind={story.kind} className={`rounded border p-2 ${story.missed ? "border-red-700 bg-red-50" : story.kind === "scheduled" ? "border-green-800 bg-white" : "border-dashed border-rule"}`}>
                  <p className="font-semibold">{formatTime(story.at)} {story.kind === "planned" && <span className="font-normal text-muted">(planned)</span>}</p>
                  <Link href={`/newsroom/articles/${story.id}`} className="hover:underline">{story.slugLine || headlineOrUntitled(story.headline)}</Link>
                  <p className="mt-1 text-xs text-muted"><StatusBadge status={story.status} />{story.assignee && ` · ${story.assignee.name}`}</p>
                  {story.missed && <p className="text-xs font-semibold text-red-700">Missed its time</p>}
                  {canReschedule && story.kind === "scheduled" && <Reschedule articleId={story.id} at={story.at.toISOString()} />}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
