import { diffWords } from "diff";

/** A word-level difference: removed words struck through in red, added ones underlined in green. */
export function DiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const parts = diffWords(before, after);
  return (
    <div aria-label={label} className="rounded border border-rule bg-white p-3 font-serif text-sm leading-relaxed whitespace-pre-wrap">
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} className="bg-green-100 text-green-900">{part.value}</ins>
        ) : part.removed ? (
          <del key={i} className="bg-red-100 text-red-900">{part.value}</del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </div>
  );
}

/** Headline, standfirst and body as one comparable text. */
export function comparableText(version: { headline: string; standfirst: string; bodyText: string }): string {
  return `${version.headline}\n\n${version.standfirst}\n\n${version.bodyText}`;
}
