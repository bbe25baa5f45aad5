import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Listing } from "@/components/reader/teaser";
import { tagPage } from "@/lib/reader/listings";
import { pageNumber } from "@/lib/reader/pages";

export const revalidate = 300;
export const dynamicParams = true;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const found = await tagPage(slug, pageNumber(page));
  return found ? { title: `Stories tagged “${found.tag.name}”`, alternates: { canonical: `/tags/${slug}` } } : {};
}

export default async function TagPage({ params }: Props) {
  const { slug, page: segments } = await params;
  const page = pageNumber(segments);
  const found = await tagPage(slug, page);
  if (!found || found.articles.length === 0) notFound();
  return <Listing title={found.tag.name} path={`/tags/${slug}`} page={page} articles={found.articles} hasMore={found.hasMore} />;
}
