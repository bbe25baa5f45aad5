/**
 * The editor's heading names the story being edited, as it is typed: its
 * headline; "Untitled story" for a saved one without a headline yet; "New
 * story" only before the first save. The byline sits under it.
 */
export function StoryHeading({ headline, isNew, byline }: { headline: string; isNew: boolean; byline: string | null }) {
  const text = headline.trim() || (isNew ? "New story" : "Untitled story");
  return (
    <div>
      <h1 className="font-serif text-3xl font-bold break-words">{text}</h1>
      {byline && <p className="mt-1 text-sm text-muted">By {byline}</p>}
    </div>
  );
}
