/**
 * Where a running live blog's newest page follows new entries without
 * reloading: the status line, the "ended" line and the "N new updates"
 * button, hidden until public/reader/article.js (which does the following)
 * shows them. A reader without scripts gets the page as it was served.
 */
export function LiveFollow({ slug }: { slug: string }) {
  return (
    <div className="my-3 font-sans" data-live-follow={slug}>
      <p aria-live="polite" className="sr-only" data-live-status />
      <p className="text-sm text-muted" data-live-ended hidden>
        Live coverage has ended.
      </p>
      <button type="button" className="w-full rounded bg-accent px-4 py-2 text-sm font-bold text-white" data-live-show hidden />
    </div>
  );
}
