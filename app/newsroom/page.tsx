import { myDrafts, reviewQueue } from "@/lib/articles/dashboard";
import { pageViewer } from "@/lib/auth/page-viewer";
import { formatDateTime } from "@/lib/format";
import { maySeeReviewQueue } from "@/lib/policy";
import { STATE_LABELS, type ArticleState } from "@/lib/workflow";

export const metadata = { title: "Dashboard" };

interface Row {
  id: string;
  headline: string;
  status: ArticleState;
  updatedAt: Date;
  author: { name: string };
  section: { name: string } | null;
}

function ArticleList({ id, title, total, articles, empty }: { id: string; title: string; total: number; articles: Row[]; empty: string }) {
  return (
    <section aria-labelledby={id} className="rounded border border-rule bg-paper p-5">
      <h2 id={id} className="text-lg font-bold">
        {title} <span className="ml-1 rounded-full bg-[#ece9e2] px-2 py-0.5 text-sm font-semibold">{total}</span>
      </h2>
      {articles.length === 0 ? (
        <p className="mt-3 text-sm text-muted">{empty}</p>
      ) : (
        <ul className="mt-3 divide-y divide-rule">
          {articles.map((article) => (
            <li key={article.id} className="py-2">
              <p className="font-serif font-semibold">{article.headline}</p>
              <p className="text-xs text-muted">
                <span className="rounded bg-[#ece9e2] px-1.5 py-0.5 font-semibold text-ink">{STATE_LABELS[article.status]}</span> ·{" "}
                {article.author.name} · {article.section?.name ?? "No section"} · updated {formatDateTime(article.updatedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function DashboardPage() {
  const viewer = await pageViewer();
  const [drafts, queue] = await Promise.all([myDrafts(viewer), maySeeReviewQueue(viewer) ? reviewQueue(viewer) : null]);
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Dashboard</h1>
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <ArticleList id="my-drafts" title="My drafts" {...drafts} empty="No drafts of yours right now." />
        {queue && <ArticleList id="awaiting-review" title="Awaiting review" {...queue} empty="Nothing is waiting for review." />}
      </div>
    </>
  );
}
