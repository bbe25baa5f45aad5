import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { StaffEditLink } from "@/components/reader/staff-edit-link";
import { Story } from "@/components/reader/story";
import { TeaserGrid } from "@/components/reader/teaser";
import { appUrl, env } from "@/lib/env";
import { articleBySlug, CORRECTION_LABELS, type ReaderArticle } from "@/lib/reader/article";
import { shareImages } from "@/lib/reader/share-image";

export const revalidate = 300;
export const dynamicParams = true;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

async function lookUp(slug: string) {
  const found = await articleBySlug(slug);
  if (found.kind === "moved") permanentRedirect(`/articles/${found.slug}`);
  // Archived slugs are answered 410 at the server edge (scripts/server-edge.mjs) before they get here.
  if (found.kind !== "article") notFound();
  return found;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The page answers missing and moved stories; metadata only describes a found one.
  const found = await articleBySlug((await params).slug);
  if (found.kind !== "article") return {};
  const { article } = found;
  const url = `${appUrl()}/articles/${article.slug}`;
  const image = shareImages(article.image && { url: `${appUrl()}${article.image.src}`, width: article.image.width, height: article.image.height, alt: article.image.alt });
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
    author: [
      article.author.id
        ? { "@type": "Person", name: article.author.name, url: `${appUrl()}/authors/${article.author.id}` }
        : { "@type": article.author.name === env().NEWSROOM_NAME ? "Organization" : "Person", name: article.author.name },
    ],
    publisher: { "@type": "Organization", name: env().NEWSROOM_NAME },
    mainEntityOfPage: `${appUrl()}/articles/${article.slug}`,
    ...(article.image && { image: [`${appUrl()}${article.image.src}`] }),
    ...(article.section && { articleSection: article.section.name }),
    ...(article.corrections.length > 0 && {
      correction: article.corrections.map((c) => ({ "@type": "CorrectionComment", text: `${CORRECTION_LABELS[c.kind]}: ${c.note}`, datePublished: c.publishedAt })),
    }),
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

export default async function ArticlePage({ params }: Props) {
  const { article, previous, next, related } = await lookUp((await params).slug);
  return (
    <Story article={article} linked aside={<StaffEditLink articleId={article.id} />}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd(article) }} />
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
    </Story>
  );
}
