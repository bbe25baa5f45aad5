import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Byline, SectionLabel } from "@/components/article-meta";
import { ReaderImageTag } from "@/components/reader/reader-image";
import { StaffEditLink } from "@/components/reader/staff-edit-link";
import { TeaserGrid } from "@/components/reader/teaser";
import { renderArticleBody } from "@/lib/content/render";
import { appUrl, env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { articleBySlug, type ReaderArticle } from "@/lib/published";

export const revalidate = 300;
export const dynamicParams = true;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

async function lookUp(slug: string) {
  const found = await articleBySlug(slug);
  if (found.kind === "moved") permanentRedirect(`/articles/${found.slug}`);
  // Archived slugs are answered 410 by proxy.ts before they get here.
  if (found.kind !== "article") notFound();
  return found;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await lookUp((await params).slug);
  const url = `${appUrl()}/articles/${article.slug}`;
  const image = article.image ? [{ url: `${appUrl()}${article.image.src}`, width: article.image.width, height: article.image.height, alt: article.image.alt }] : [];
  return {
    title: article.headline,
    description: article.standfirst,
    alternates: { canonical: url },
    openGraph: { type: "article", url, title: article.headline, description: article.standfirst, siteName: env().NEWSROOM_NAME, publishedTime: article.publishedAt, modifiedTime: article.updatedAt ?? article.publishedAt, authors: [article.author.name], section: article.section?.name, images: image },
    twitter: { card: article.image ? "summary_large_image" : "summary", title: article.headline, description: article.standfirst },
  };
}

/** schema.org NewsArticle; `<` is escaped so no text can close the script element. */
function jsonLd(article: ReaderArticle): string {
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.headline,
    description: article.standfirst,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    author: [{ "@type": "Person", name: article.author.name, url: `${appUrl()}/authors/${article.author.id}` }],
    publisher: { "@type": "Organization", name: env().NEWSROOM_NAME },
    mainEntityOfPage: `${appUrl()}/articles/${article.slug}`,
    ...(article.image && { image: [`${appUrl()}${article.image.src}`] }),
    ...(article.section && { articleSection: article.section.name }),
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

export default async function ArticlePage({ params }: Props) {
  const { article, previous, next, related } = await lookUp((await params).slug);
  const image = article.image;
  return (
    <article className="mx-auto max-w-3xl">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd(article) }} />
      <header>
        <div className="flex items-center justify-between">
          <SectionLabel section={article.section} />
          <StaffEditLink articleId={article.id} />
        </div>
        <h1 className="mt-2 text-4xl leading-tight font-bold sm:text-5xl">{article.headline}</h1>
        <p className="mt-4 text-xl text-muted">{article.standfirst}</p>
        <div className="mt-4 border-y border-rule py-3">
          <Byline author={article.author} publishedAt={article.publishedAt} updatedAt={article.updatedAt} />
        </div>
      </header>
      {image && (
        <figure className="mt-6">
          <ReaderImageTag image={image} sizes="(min-width: 768px) 768px, 100vw" className="h-auto w-full" priority />
          <figcaption className="mt-2 font-sans text-sm text-muted">
            {image.caption} {image.credit && <span>(Photo: {image.credit})</span>}
          </figcaption>
        </figure>
      )}
      {article.corrections.length > 0 && (
        <aside aria-labelledby="corrections" className="mt-6 border-l-4 border-accent bg-red-50 p-4 font-sans text-sm">
          <h2 id="corrections" className="font-bold">Correction{article.corrections.length > 1 ? "s" : ""}</h2>
          {article.corrections.map((correction) => (
            <p key={correction.createdAt} className="mt-1">
              <time dateTime={correction.createdAt} className="text-muted">{formatDateTime(new Date(correction.createdAt))}:</time> {correction.note}
            </p>
          ))}
        </aside>
      )}
      <div className="article-body mt-8 text-lg leading-relaxed">{renderArticleBody(article.body, `article ${article.id}`)}</div>
      {article.tags.length > 0 && (
        <ul aria-label="Tags" className="mt-8 flex flex-wrap gap-2 font-sans text-sm">
          {article.tags.map((tag) => (
            <li key={tag.slug}>
              <Link href={`/tags/${tag.slug}`} className="block rounded-full border border-rule px-3 py-1 hover:bg-white">{tag.name}</Link>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="More stories" className="mt-10 grid gap-4 border-t border-rule pt-6 font-sans text-sm sm:grid-cols-2">
        {previous ? (
          <Link href={`/articles/${previous.slug}`} rel="prev" className="hover:underline">
            <span className="block text-muted">Previous article</span>
            <span className="font-serif text-base font-semibold">{previous.headline}</span>
          </Link>
        ) : <span />}
        {next && (
          <Link href={`/articles/${next.slug}`} rel="next" className="text-right hover:underline">
            <span className="block text-muted">Next article</span>
            <span className="font-serif text-base font-semibold">{next.headline}</span>
          </Link>
        )}
      </nav>
      {related.length > 0 && (
        <section aria-labelledby="related" className="mt-10">
          <h2 id="related" className="mb-4 font-sans text-lg font-bold">More from {article.section?.name}</h2>
          <TeaserGrid articles={related} />
        </section>
      )}
    </article>
  );
}
