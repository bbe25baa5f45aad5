import Link from "next/link";
import { DayInput } from "@/components/newsroom/date-time-input";
import { PlanForm, NO_PLAN } from "@/components/newsroom/plan-form";
import { StatusBadge } from "@/components/status-badge";
import { filterOptions, planningPeople, storyBudget, type Budget } from "@/lib/articles";
import { pageViewer } from "@/lib/auth/page-viewer";
import { readingMinutes } from "@/lib/content/word-count";
import { messageFor } from "@/lib/errors";
import { formatDateTime, formatDay, headlineOrUntitled, newsroomTimeZone } from "@/lib/format";
import { mayPlan } from "@/lib/policy";

export const metadata = { title: "Budget" };

type Story = Budget["sections"][number]["stories"][number];

function When({ story }: { story: Story }) {
  if (story.status === "SCHEDULED" && story.scheduledFor) return <>scheduled {formatDateTime(story.scheduledFor)}</>;
  if (story.plannedFor) return <>planned {formatDateTime(story.plannedFor)}</>;
  if (story.liveSince) return <>live since {formatDateTime(story.liveSince)}</>;
  return <>—</>;
}

function StoryRow({ story }: { story: Story }) {
  return (
    <tr className="border-t border-rule align-top" data-testid="budget-story">
      <td className="py-2 pr-3">
        <Link href={`/newsroom/articles/${story.id}`} className="font-semibold hover:underline">{story.slugLine || headlineOrUntitled(story.headline)}</Link>
        {story.slugLine && story.headline && <p className="text-xs text-muted">{story.headline}</p>}
      </td>
      <td className="py-2 pr-3">{story.assignee?.name ?? story.author.name}</td>
      <td className="py-2 pr-3">{story.editor?.name ?? "—"}</td>
      <td className="py-2 pr-3"><StatusBadge status={story.status} /></td>
      <td className="py-2 pr-3 tabular-nums">{story.wordCount} <span className="text-xs text-muted">({readingMinutes(story.wordCount)} min)</span></td>
      <td className={`py-2 pr-3 ${story.overdue ? "font-semibold text-red-700" : ""}`} data-overdue={story.overdue}>
        {story.deadline ? formatDateTime(story.deadline) : "—"}
        {story.overdue && <span className="ml-1 rounded bg-red-100 px-1 text-xs">Overdue</span>}
      </td>
      <td className="py-2"><When story={story} /></td>
    </tr>
  );
}

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** The day's story budget: what the desk expects, by section, with who has it and where it stands. */
export default async function BudgetPage({ searchParams }: Props) {
  const viewer = await pageViewer();
  const params = await searchParams;
  const filters = Object.fromEntries(Object.entries(params).filter(([key, value]) => ["date", "section", "person"].includes(key) && value));
  const [budget, options, people] = await Promise.all([storyBudget(viewer, filters).catch((error: unknown) => ({ error: messageFor(error) })), filterOptions(), planningPeople()]);
  const link = (date: string) => `?${new URLSearchParams({ ...filters, date })}`;
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">Budget</h1>
      {"error" in budget ? (
        <p role="alert" className="text-accent">{budget.error} <Link href="/newsroom/budget" className="underline">Today’s budget</Link></p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-4">
            <Link href={link(budget.previous)} className="rounded border border-rule bg-white px-3 py-1 text-sm">← Previous day</Link>
            <h2 className="text-xl font-bold" data-testid="budget-day">{formatDay(budget.day)}</h2>
            <Link href={link(budget.next)} className="rounded border border-rule bg-white px-3 py-1 text-sm">Next day →</Link>
            <span className="text-sm text-muted">Times in {budget.timeZone}</span>
          </div>
          <form className="flex flex-wrap items-end gap-3 text-sm" role="search">
            <DayInput label="Day" name="date" defaultValue={budget.day} compact className="w-36 rounded border border-rule px-2 py-1" />
            <label>
              <span className="block font-semibold">Section</span>
              <select name="section" defaultValue={params.section ?? ""} className="rounded border border-rule px-2 py-1">
                <option value="">All sections</option>
                {options.sections.map((section) => <option key={section.id} value={section.id}>{section.name}</option>)}
              </select>
            </label>
            <label>
              <span className="block font-semibold">Person</span>
              <select name="person" defaultValue={params.person ?? ""} className="rounded border border-rule px-2 py-1">
                <option value="">Everyone</option>
                {people.staff.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
              </select>
            </label>
            <button type="submit" className="rounded border border-rule px-3 py-1 hover:bg-white">Show</button>
          </form>
          {budget.sections.length === 0 && <p className="text-sm text-muted">Nothing is due, planned, scheduled or published on this day.</p>}
          {budget.sections.map((section) => (
            <section key={section.id ?? "none"} aria-label={section.name} className="rounded border border-rule bg-paper p-5">
              <h3 className="text-lg font-bold">{section.name}</h3>
              <table className="mt-2 w-full text-left text-sm">
                <thead className="text-xs uppercase text-muted">
                  <tr>
                    <th className="py-1 pr-3">Slug line</th>
                    <th className="py-1 pr-3">Reporter</th>
                    <th className="py-1 pr-3">Editor</th>
                    <th className="py-1 pr-3">State</th>
                    <th className="py-1 pr-3">Words</th>
                    <th className="py-1 pr-3">Deadline</th>
                    <th className="py-1">Slot</th>
                  </tr>
                </thead>
                <tbody>{section.stories.map((story) => <StoryRow key={story.id} story={story} />)}</tbody>
              </table>
            </section>
          ))}
        </>
      )}
      {mayPlan(viewer) && (
        <section aria-labelledby="plan-story" className="rounded border border-rule bg-paper p-5">
          <h2 id="plan-story" className="text-lg font-bold">Plan a story</h2>
          <div className="mt-3 max-w-2xl">
            <PlanForm initial={NO_PLAN} {...people} sections={options.sections} timeZone={newsroomTimeZone()} budgetDay={"error" in budget ? undefined : budget.day} />
          </div>
        </section>
      )}
    </div>
  );
}
