import { formatDateTime } from "@/lib/format";

export interface StorySource {
  agency: string;
  id: string | null;
  receivedAt: Date;
  byline: string | null;
}

/** Where ingested copy came from: for staff only (reader pages never read these fields). */
export function SourceLine({ source }: { source: StorySource | null }) {
  if (!source) return null;
  return (
    <p data-testid="source" className="rounded border border-rule bg-paper px-3 py-2 text-sm">
      <span className="font-semibold">Source:</span> {source.agency}
      {source.id && <> · id <code className="text-xs">{source.id}</code></>} · received {formatDateTime(new Date(source.receivedAt))}
      {source.byline && <> · byline {source.byline}</>}
    </p>
  );
}
