import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/reader/teaser";
import { formatDateTime } from "@/lib/format";
import { CORRECTION_LABELS } from "@/lib/reader/article";
import { correctionsPage } from "@/lib/reader/corrections";
import { pageNumber } from "@/lib/reader/pages";

export const revalidate = 300;
export const dynamicParams = true;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = pageNumber((await params).page);
  return {
    title: page === 1 ? "Corrections" : `Corrections, page ${page}`,
    description: "Every correction, clarification and update to our stories, newest first.",
    alternates: { canonical: page === 1 ? "/corrections" : `/corrections/${page}`, types: { "application/rss+xml": "/corrections/feed.xml" } },
  };
}

/** Every public correction, clarification and update, newest first, each linking to its story. */
export default async function CorrectionsPage({ params }: Props) {
  const page = pageNumber((await params).page);
  const { corrections, hasMore } = await correctionsPage(page);
  if (corrections.length === 0 && page > 1) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <header className="mb-8 border-b border-rule pb-4">
        <h1 className="text-4xl font-bold">Corrections</h1>
        <p className="mt-2 text-muted">When we get something wrong, we say so here and on the story. <a href="/corrections/feed.xml" className="underline">RSS</a></p>
      </header>
      {corrections.length === 0 ? (
        <p className="text-muted">No corrections yet.</p>
      ) : (
        <ol className="space-y-6">
          {corrections.map((correction) => (
            <li key={correction.id}>
              <p className="font-sans text-sm text-muted">
                <strong className="text-accent">{CORRECTION_LABELS[correction.kind]}</strong> ·{" "}
                <time dateTime={correction.publishedAt}>{formatDateTime(new Date(correction.publishedAt))}</time>
              </p>
              <h2 className="mt-1 text-xl font-bold">
                <Link href={correction.path} className="hover:underline">{correction.article.headline}</Link>
              </h2>
              <p className="mt-1">{correction.note}</p>
            </li>
          ))}
        </ol>
      )}
      <Pagination first="/corrections" prefix="/corrections" page={page} hasMore={hasMore} />
    </div>
  );
}
