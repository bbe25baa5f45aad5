import { renderArticleBody } from "@/lib/content/render";
import { formatDateTime, formatTime } from "@/lib/format";
import type { ReaderEntry } from "@/lib/reader/live-blog";

/**
 * One entry as readers see it: its time, a key-event mark, its title, its
 * body (the story renderer), its authors, "Updated" after an edit of its
 * words. The data attributes are what the follower compares with the
 * updates address to find new, changed and deleted entries.
 */
export function LiveEntry({ entry }: { entry: ReaderEntry }) {
  const posted = new Date(entry.postedAt);
  const titleId = `entry-${entry.id}-title`;
  return (
    <article id={`entry-${entry.id}`} data-entry={entry.id} data-version={entry.version} data-posted-at={entry.postedAt} tabIndex={-1} aria-labelledby={entry.title ? titleId : undefined} className="scroll-mt-4 border-t border-rule py-5 first:border-t-0">
      <p className="flex flex-wrap items-center gap-x-3 font-sans text-sm text-muted">
        <time dateTime={entry.postedAt} title={formatDateTime(posted)} className="font-bold text-ink">{formatTime(posted)}</time>
        {entry.keyEvent && <span className="rounded-sm border border-accent px-1.5 text-xs font-bold tracking-wider text-accent uppercase">Key event</span>}
        {entry.pinned && <span className="text-xs font-bold tracking-wider uppercase">Pinned</span>}
      </p>
      {entry.title && <h3 id={titleId} className="mt-1 text-xl leading-snug font-bold">{entry.title}</h3>}
      <div className="article-body mt-2 text-lg leading-relaxed">{renderArticleBody(entry.body, `entry ${entry.id}`)}</div>
      <p className="mt-2 font-sans text-sm text-muted">
        {entry.authors.length > 0 && <>By {entry.authors.map((author) => author.name).join(" and ")}</>}
        {entry.updatedAt && (
          <>
            {entry.authors.length > 0 && " · "}
            Updated <time dateTime={entry.updatedAt}>{formatTime(new Date(entry.updatedAt))}</time>
          </>
        )}
      </p>
    </article>
  );
}
