import Link from "next/link";
import { briefExcerpt, DueLabel, STILL_DUE } from "@/components/newsroom/due-label";
import { StatusBadge } from "@/components/status-badge";
import type { ArticleRow } from "@/lib/articles";
import { formatDateTime, headlineOrUntitled } from "@/lib/format";
import { STATE_LABELS } from "@/lib/workflow";

/** "3 h 20 min", "2 days 4 h": how long something has waited, coarse enough to read at a glance. */
export function waited(since: Date, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days ${hours % 24} h`;
}

/**
 * Newsroom lists of stories: headline, state, author, section, and either the last change or how long it has waited;
 * while a story is still being written or reviewed, when it is due and the first words of the desk's brief.
 */
export function ArticleRows({ articles, now = new Date() }: { articles: (ArticleRow & { inStateSince?: Date })[]; now?: Date }) {
  return (
    <ul className="divide-y divide-rule">
      {articles.map((article) => (
        <li key={article.id} className="py-2">
          <Link href={`/newsroom/articles/${article.id}`} className="font-serif font-semibold hover:underline">
            {headlineOrUntitled(article.headline || article.slugLine)}
          </Link>
          <p className="mt-0.5 text-xs text-muted">
            <StatusBadge status={article.status} />
            {article.hasUnpublishedChanges && <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-900">Unpublished changes</span>} · {article.author.name} · {article.section?.name ?? "No section"} ·{" "}
            {article.inStateSince ? (
              <span data-testid="waited">
                {STATE_LABELS[article.status].toLowerCase()} since {formatDateTime(article.inStateSince)}, waiting {waited(article.inStateSince)}
              </span>
            ) : article.status === "SCHEDULED" && article.scheduledFor ? (
              <>goes live {formatDateTime(article.scheduledFor)}</>
            ) : (
              <>updated {formatDateTime(article.updatedAt)}</>
            )}
          </p>
          {STILL_DUE.includes(article.status) && (article.deadline || article.brief) && (
            <p className="mt-0.5 text-xs">
              {article.deadline && <DueLabel deadline={article.deadline} status={article.status} now={now} />}
              {article.deadline && article.brief && " · "}
              {article.brief && <span className="text-muted" data-testid="brief-excerpt" title={article.brief}>Brief: {briefExcerpt(article.brief)}</span>}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
