import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination, TeaserGrid } from "@/components/reader/teaser";
import { sectionPage } from "@/lib/published";
import { pageNumber } from "@/lib/reader-pages";

export const revalidate = 300;
export const dynamicParams = true;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const found = await sectionPage(slug, pageNumber(page));
  return found
    ? { title: found.section.name, description: found.section.description, alternates: { canonical: `/sections/${slug}`, types: { "application/rss+xml": `/sections/${slug}/feed.xml` } } }
    : {};
}

export default async function SectionPage({ params }: Props) {
  const { slug, page: segments } = await params;
  const page = pageNumber(segments);
  const found = await sectionPage(slug, page);
  if (!found || (found.articles.length === 0 && page > 1)) notFound();
  return (
    <>
      <header className="mb-8 border-b border-rule pb-4">
        <h1 className="text-4xl font-bold">{found.section.name}</h1>
        {found.section.description && <p className="mt-2 text-muted">{found.section.description}</p>}
      </header>
      {found.articles.length === 0 ? <p className="text-muted">Nothing published in this section yet.</p> : <TeaserGrid articles={found.articles} />}
      <Pagination first={`/sections/${slug}`} prefix={`/sections/${slug}`} page={page} hasMore={found.hasMore} />
    </>
  );
}
