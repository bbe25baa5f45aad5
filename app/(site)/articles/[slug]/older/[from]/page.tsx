import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveBlog } from "@/components/reader/live-blog";
import { LiveLabel } from "@/components/reader/live-label";
import { appUrl } from "@/lib/env";
import { articleBySlug } from "@/lib/reader/article";
import { ENTRY_ID, liveBlogView } from "@/lib/reader/live-blog";

export const revalidate = 300;
export const dynamicParams = true;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; from: string }> };

/** An older page of a live blog: its entries from one entry on, named by that entry so the address never shifts. */
async function lookUp({ slug, from }: { slug: string; from: string }) {
  const found = await articleBySlug(slug);
  const view = found.kind === "article" && found.article.coverage && ENTRY_ID.test(from) ? await liveBlogView(found.article.slug, from) : null;
  if (found.kind !== "article" || !view) notFound();
  return { article: found.article, view };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, from } = await params;
  const found = await articleBySlug(slug);
  if (found.kind !== "article") return {};
  return { title: `${found.article.headline}: earlier updates`, alternates: { canonical: `${appUrl()}/articles/${found.article.slug}/older/${from}` } };
}

export default async function OlderUpdatesPage({ params }: Props) {
  const { article, view } = await lookUp(await params);
  return (
    <article className="mx-auto max-w-3xl">
      <header>
        {view.coverage.running && <LiveLabel />}
        <h1 className="mt-2 text-3xl leading-tight font-bold sm:text-4xl">
          <Link href={`/articles/${article.slug}`} className="hover:underline">{article.headline}</Link>
        </h1>
        <p className="mt-3 text-lg text-muted">{article.standfirst}</p>
      </header>
      <LiveBlog slug={article.slug} view={view} newest={false} />
    </article>
  );
}
