import { formatDateTime } from "@/lib/format";

export function Byline({ author, publishedAt }: { author: { name: string }; publishedAt: Date }) {
  return (
    <p className="font-sans text-sm text-muted">
      By <span className="font-semibold text-ink">{author.name}</span>
      {" · "}
      <time dateTime={publishedAt.toISOString()}>{formatDateTime(publishedAt)}</time>
    </p>
  );
}

export function SectionLabel({ section }: { section: { name: string } | null }) {
  if (!section) return null;
  return <p className="font-sans text-xs font-bold tracking-wider text-accent uppercase">{section.name}</p>;
}
