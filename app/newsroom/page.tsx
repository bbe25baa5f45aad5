import Link from "next/link";
import { NewLiveCoverage } from "@/components/live/new-live-coverage";
import { ArticleRows } from "@/components/newsroom/article-rows";
import { dashboardSummary, filterOptions, listArticles, missedSchedules, type ArticleRow, type BoxName } from "@/lib/articles";
import { pageViewer } from "@/lib/auth/page-viewer";
import { messageFor } from "@/lib/errors";
import { formatDateTime, headlineOrUntitled } from "@/lib/format";
import { maySeeReviewQueue } from "@/lib/policy";
import { ARTICLE_STATES, STATE_LABELS } from "@/lib/workflow";

export const metadata = { title: "Dashboard" };

function Box({ id, box, title, total, articles, empty }: { id: string; box: BoxName; title: string; total: number; articles: ArticleRow[]; empty: string }) {
  return (
    <section aria-labelledby={id} className="rounded border border-rule bg-paper p-5">
      <h2 id={id} className="text-lg font-bold">
        {title} <span className="ml-1 rounded-full bg-[#ece9e2] px-2 py-0.5 text-sm font-semibold" data-testid={`${id}-count`}>{total}</span>
      </h2>
      {articles.length === 0 ? <p className="mt-3 text-sm text-muted">{empty}</p> : <ArticleRows articles={articles} />}
      {total > articles.length && <Link href={`/newsroom/queue/${box}`} className="mt-2 inline-block text-sm text-accent underline">See all {total}</Link>}
    </section>
  );
}

function FilterSelect({ label, name, value, anyLabel, options }: { label: string; name: string; value: string | undefined; anyLabel: string; options: { id: string; name: string }[] }) {
  return (
    <label>
      <span className="block font-semibold">{label}</span>
      <select name={name} defaultValue={value ?? ""} className="rounded border border-rule px-2 py-1">
        <option value="">{anyLabel}</option>
        {options.map((option) => <option key={option.id} value={option.id}>{option.name}</option>)}
      </select>
    </label>
  );
}

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const viewer = await pageViewer();
  const params = await searchParams;
  const filters = Object.fromEntries(Object.entries(params).filter(([key, value]) => ["status", "section", "author", "q", "cursor"].includes(key) && value));
  const [missed, summary, options, list] = await Promise.all([
    maySeeReviewQueue(viewer) ? missedSchedules(viewer) : [],
    dashboardSummary(viewer),
    filterOptions(),
    listArticles(viewer, filters).catch((error: unknown) => ({ error: messageFor(error) })),
  ]);
  const nextPage = "nextCursor" in list && list.nextCursor ? `?${new URLSearchParams({ ...filters, cursor: list.nextCursor })}` : null;
  return (
    <>
      <div className="flex items-center justify-between">
        <h1 className="font-serif text-3xl font-bold">Dashboard</h1>
        <div className="flex gap-2">
          <Link href="/newsroom/import" className="rounded border border-rule bg-white px-4 py-2 text-sm font-semibold">
            Import
          </Link>
          <NewLiveCoverage />
          <Link href="/newsroom/articles/new" className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
            New article
          </Link>
        </div>
      </div>
      {missed.length > 0 && (
        <section aria-labelledby="missed" role="alert" className="mt-6 rounded border-2 border-red-700 bg-red-50 p-5">
          <h2 id="missed" className="text-lg font-bold text-red-800">Missed schedule</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {missed.map((story) => (
              <li key={story.id}>
                <Link href={`/newsroom/articles/${story.id}`} className="font-semibold underline">{story.slugLine || headlineOrUntitled(story.headline)}</Link> was due at {formatDateTime(story.scheduledFor!)}
                {story.scheduleProblem ? `: ${story.scheduleProblem}` : " and is still waiting: is the scheduler running?"}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-muted">Publish it, reschedule or unschedule it to clear this.</p>
        </section>
      )}
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <Box id="my-drafts" box="my-drafts" title="My drafts" {...summary.myDrafts} empty="No drafts of yours right now." />
        {maySeeReviewQueue(viewer) ? (
          <Box id="awaiting-review" box="awaiting-review" title="Awaiting review" {...summary.awaitingReview} empty="Nothing is waiting for review." />
        ) : (
          <Box id="my-submissions" box="awaiting-review" title="Submitted for review" {...summary.awaitingReview} empty="Nothing of yours is with the editors." />
        )}
        <Box id="scheduled" box="scheduled" title="Scheduled" {...summary.scheduled} empty="Nothing is scheduled." />
        <Box id="recently-published" box="recently-published" title="Recently published" {...summary.recentlyPublished} empty="Nothing published yet." />
      </div>

      <section aria-labelledby="all-articles" className="mt-8 rounded border border-rule bg-paper p-5">
        <h2 id="all-articles" className="text-lg font-bold">All articles</h2>
        <form className="mt-3 flex flex-wrap items-end gap-3 text-sm" role="search">
          <label>
            <span className="block font-semibold">Search headlines</span>
            <input name="q" defaultValue={params.q} className="rounded border border-rule px-2 py-1" />
          </label>
          <FilterSelect label="State" name="status" value={params.status} anyLabel="Any" options={ARTICLE_STATES.map((state) => ({ id: state, name: STATE_LABELS[state] }))} />
          <FilterSelect label="Section" name="section" value={params.section} anyLabel="Any" options={options.sections} />
          <FilterSelect label="Author" name="author" value={params.author} anyLabel="Anyone" options={options.authors} />
          <button type="submit" className="rounded border border-rule px-3 py-1 hover:bg-white">Filter</button>
        </form>
        {"error" in list ? (
          <p role="alert" className="mt-3 text-sm text-accent">{list.error}</p>
        ) : list.articles.length === 0 ? (
          <p className="mt-3 text-sm text-muted">No articles match.</p>
        ) : (
          <ArticleRows articles={list.articles} />
        )}
        {nextPage && <Link href={nextPage} className="mt-3 inline-block text-sm text-accent underline">Next page</Link>}
      </section>
    </>
  );
}
