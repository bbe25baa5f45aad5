import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination, TeaserCard, TeaserGrid } from "@/components/reader/teaser";
import { frontPage } from "@/lib/reader/front-page";
import { pageNumber } from "@/lib/reader/pages";

// Rendered on first request, then served from cache until an article it shows changes
// (READER_TTL_S in lib/reader/read.ts; Next needs the literal here).
export const revalidate = 300;
export const dynamicParams = true;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = pageNumber((await params).n);
  return page === 1 ? { alternates: { canonical: "/" } } : { title: `Latest stories, page ${page}`, alternates: { canonical: `/page/${page}` } };
}

/** The front page (`/` is rewritten here) and the older pages of the latest stories. */
export default async function FrontPage({ params }: Props) {
  const page = pageNumber((await params).n);
  const { articles, hasMore } = await frontPage(page);
  if (articles.length === 0 && page > 1) notFound();
  if (articles.length === 0) return <p className="py-24 text-center text-muted">Nothing has been published yet.</p>;
  const [lead, ...rest] = page === 1 ? articles : [undefined, ...articles];
  return (
    <>
      <h1 className="sr-only">{page === 1 ? "Latest stories" : `Latest stories, page ${page}`}</h1>
      {lead && (
        <div className="mb-8 border-b border-rule pb-8">
          <TeaserCard article={lead} variant="lead" level={2} />
        </div>
      )}
      <h2 className="sr-only">More stories</h2>
      <TeaserGrid articles={rest.filter((a) => a !== undefined)} leadsPage={!lead} />
      <Pagination first="/" prefix="/page" page={page} hasMore={hasMore} />
    </>
  );
}
