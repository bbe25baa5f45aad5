import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Listing } from "@/components/reader/teaser";
import { authorPage } from "@/lib/reader/listings";
import { pageNumber } from "@/lib/reader/pages";

export const revalidate = 300;
export const dynamicParams = true;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ id: string; page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, page } = await params;
  const found = await authorPage(id, pageNumber(page));
  return found ? { title: `Stories by ${found.author.name}`, alternates: { canonical: `/authors/${id}` } } : {};
}

export default async function AuthorPage({ params }: Props) {
  const { id, page: segments } = await params;
  const page = pageNumber(segments);
  const found = await authorPage(id, page);
  if (!found || found.articles.length === 0) notFound();
  return <Listing title={found.author.name} path={`/authors/${id}`} page={page} articles={found.articles} hasMore={found.hasMore} />;
}
