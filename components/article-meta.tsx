import Link from "next/link";
import { formatDateTime } from "@/lib/format";

export function Byline({ author, publishedAt, updatedAt, linked = true }: { author: { id: string | null; name: string }; publishedAt: string; updatedAt?: string | null; linked?: boolean }) {
  return (
    <p className="font-sans text-sm text-muted">
      By{" "}
      {linked && author.id ? (
        <Link href={`/authors/${author.id}`} className="font-semibold text-ink hover:underline">
          {author.name}
        </Link>
      ) : (
        <span className="font-semibold text-ink">{author.name}</span>
      )}
      {" · "}
      <time dateTime={publishedAt}>{formatDateTime(new Date(publishedAt))}</time>
      {updatedAt && (
        <>
          {" · "}Updated <time dateTime={updatedAt}>{formatDateTime(new Date(updatedAt))}</time>
        </>
      )}
    </p>
  );
}

export function SectionLabel({ section }: { section: { slug: string; name: string } | null }) {
  if (!section) return null;
  return (
    <Link href={`/sections/${section.slug}`} className="font-sans text-xs font-bold tracking-wider text-accent uppercase hover:underline">
      {section.name}
    </Link>
  );
}
