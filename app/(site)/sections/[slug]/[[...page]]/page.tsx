import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Listing } from "@/components/reader/teaser";
import { sectionPage } from "@/lib/reader/listings";
import { pageNumber } from "@/lib/reader/pages";

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
  return <Listing title={found.section.name} intro={found.section.description} path={`/sections/${slug}`} page={page} articles={found.articles} hasMore={found.hasMore} />;
}
