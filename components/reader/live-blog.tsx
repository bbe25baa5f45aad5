import Link from "next/link";
import { formatTime } from "@/lib/format";
import type { LiveBlogView } from "@/lib/reader/live-blog";
import { LiveEntry } from "./live-entry";
import { LiveFollow } from "./live-follow";

/**
 * Live coverage under its opening: the pinned entry, the key events with jump
 * links, then the entries newest first and a link to older ones. The newest
 * page of running coverage follows new entries without reloading (LiveFollow).
 */
export function LiveBlog({ slug, view, newest }: { slug: string; view: LiveBlogView; newest: boolean }) {
  return (
    <div className="mt-8">
      <div data-live-section="pinned" data-mark={view.marks.pinned}>
        {view.pinned && (
          <section aria-labelledby="pinned-entry" className="mb-6 rounded border-2 border-accent/40 bg-white px-4">
            <h2 id="pinned-entry" className="pt-3 font-sans text-sm font-bold tracking-wider text-accent uppercase">Pinned</h2>
            <LiveEntry entry={view.pinned} />
          </section>
        )}
      </div>
      <div data-live-section="key-events" data-mark={view.marks.keyEvents}>
        {view.keyEvents.length > 0 && (
          <nav aria-labelledby="key-events" className="mb-6 border-y border-rule py-4 font-sans">
            <h2 id="key-events" className="text-lg font-bold">Key events</h2>
            <ul className="mt-2 space-y-1">
              {view.keyEvents.map((event) => (
                <li key={event.id}>
                  <a href={event.page ? `/articles/${slug}/older/${event.page}#entry-${event.id}` : `#entry-${event.id}`} className="hover:underline">
                    <time dateTime={event.postedAt} className="mr-2 font-bold">{formatTime(new Date(event.postedAt))}</time>
                    {event.headline}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
      <section aria-labelledby="live-updates">
        <h2 id="live-updates" className="font-sans text-lg font-bold">{newest ? "Latest updates" : "Earlier updates"}</h2>
        {newest && view.coverage.running && <LiveFollow slug={slug} />}
        <div id="live-entries">
          {view.entries.map((entry) => (
            <LiveEntry key={entry.id} entry={entry} />
          ))}
        </div>
        {view.entries.length === 0 && <p id="live-no-updates" className="py-4 font-sans text-muted">No updates yet.</p>}
        <nav aria-label="More updates" className="mt-6 flex justify-between border-t border-rule pt-4 font-sans text-sm">
          {!newest ? <Link href={`/articles/${slug}`} className="hover:underline">Newest updates</Link> : <span />}
          {view.olderFrom && (
            <Link href={`/articles/${slug}/older/${view.olderFrom}`} rel="next" className="hover:underline">
              Older updates
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
