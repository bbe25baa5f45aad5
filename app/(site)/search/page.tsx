import type { Metadata } from "next";
import Link from "next/link";
import { Byline, SectionLabel } from "@/components/article-meta";
import { MAX_QUERY_LENGTH, searchArticles } from "@/lib/reader/search";

export const metadata: Metadata = { title: "Search", robots: { index: false } };
export const dynamic = "force-dynamic"; // every query is its own page

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string }> };

/** The snippet's marked terms (\u0002…\u0003 from ts_headline) as <mark>, everything else as text. */
function Snippet({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\u0002[^\u0003]*\u0003)/).map((part, i) =>
        part.startsWith("\u0002") ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>,
      )}
    </>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = (Array.isArray(params.q) ? params.q[0] : params.q)?.slice(0, MAX_QUERY_LENGTH) ?? "";
  const page = Math.min(Math.max(Number.parseInt(params.page ?? "1", 10) || 1, 1), 1000);
  const { hits, hasMore } = await searchArticles(q, page);
  const link = (n: number) => `/search?${new URLSearchParams({ q, ...(n > 1 && { page: String(n) }) })}`;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-4xl font-bold">Search</h1>
      <form role="search" action="/search" className="mt-4 flex gap-2 font-sans">
        <label htmlFor="q" className="sr-only">Search stories</label>
        <input id="q" name="q" type="search" defaultValue={q} maxLength={MAX_QUERY_LENGTH} className="flex-1 rounded border border-rule px-3 py-2" />
        <button type="submit" className="rounded bg-ink px-4 py-2 font-semibold text-paper">Search</button>
      </form>
      {!q.trim() ? (
        <p className="mt-6 text-muted">Type a word or two: a name, a place, a topic.</p>
      ) : hits.length === 0 ? (
        <p className="mt-6 text-muted">No stories match “{q}”.</p>
      ) : (
        <ol className="mt-6 space-y-6">
          {hits.map((hit) => (
            <li key={hit.id}>
              <SectionLabel section={hit.section} />
              <h2 className="text-xl font-bold">
                <Link href={`/articles/${hit.slug}`} className="hover:underline">{hit.headline}</Link>
              </h2>
              <p className="mt-1 text-muted"><Snippet text={hit.snippet} /></p>
              <Byline author={hit.author} publishedAt={hit.publishedAt} />
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="Pages" className="mt-8 flex justify-between font-sans text-sm">
        {page > 1 ? <Link href={link(page - 1)} className="text-accent underline">← Better matches</Link> : <span />}
        {hasMore && <Link href={link(page + 1)} className="text-accent underline">More results →</Link>}
      </nav>
    </div>
  );
}
