import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { StaffEditLink } from "@/components/reader/staff-edit-link";
import { Story } from "@/components/reader/story";
import { TeaserGrid } from "@/components/reader/teaser";
import { appUrl, env } from "@/lib/env";
import { LiveBlog } from "@/components/reader/live-blog";
import { plainText, type ArticleDocument } from "@/lib/content/document";
import { articleBySlug, CORRECTION_LABELS, type ReaderArticle } from "@/lib/reader/article";
import { entryHeadline, liveBlogView, type LiveBlogView } from "@/lib/reader/live-blog";
import { searchAndSocial } from "@/lib/reader/search-social";
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
  // The SEO title, description and share image, each falling back to the headline, standfirst and hero (or first photo).
  const { title, description, image } = searchAndSocial(article);
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "article", url, title, description, siteName: env().NEWSROOM_NAME, publishedTime: article.publishedAt, modifiedTime: article.updatedAt ?? article.publishedAt, authors: [article.author.name], section: article.section?.name, images: shareImages(image) },
    // Every story has a 1200×630 picture, its own or the newsroom's default: always the large card.
    twitter: { card: "summary_large_image", title, description, images: shareImages(image) },
  };
}

/** schema.org NewsArticle, or LiveBlogPosting for live coverage; `<` is escaped so no text can close the script element. */
function jsonLd(article: ReaderArticle, live: LiveBlogView | null): string {
  const { title, description, crops } = searchAndSocial(article);
  const data = {
    "@context": "https://schema.org",
    "@type": live ? "LiveBlogPosting" : "NewsArticle",
    headline: title,
    description,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    author: [
      article.author.id
        ? { "@type": "Person", name: article.author.name, url: `${appUrl()}/authors/${article.author.id}` }
        : { "@type": article.author.name === env().NEWSROOM_NAME ? "Organization" : "Person", name: article.author.name },
    ],
    publisher: { "@type": "Organization", name: env().NEWSROOM_NAME },
    mainEntityOfPage: `${appUrl()}/articles/${article.slug}`,
    image: crops.length > 0 ? crops : shareImages().map((fallback) => `${appUrl()}${fallback.url}`),
    ...(article.section && { articleSection: article.section.name }),
    ...(live && liveBlogFacts(article, live)),
    ...(article.corrections.length > 0 && {
      correction: article.corrections.map((c) => ({ "@type": "CorrectionComment", text: `${CORRECTION_LABELS[c.kind]}: ${c.note}`, datePublished: c.publishedAt })),
    }),
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

/** What a LiveBlogPosting adds: the coverage's times and the newest entries as updates. */
function liveBlogFacts(article: ReaderArticle, live: LiveBlogView) {
  const newest = [...(live.pinned ? [live.pinned] : []), ...live.entries].sort((a, b) => (a.postedAt < b.postedAt ? 1 : -1)).slice(0, 10);
  return {
    coverageStartTime: live.coverage.startedAt,
    ...(live.coverage.endedAt && { coverageEndTime: live.coverage.endedAt }),
    liveBlogUpdate: newest.map((entry) => ({
      "@type": "BlogPosting",
      headline: entryHeadline(entry),
      datePublished: entry.postedAt,
      ...(entry.updatedAt && { dateModified: entry.updatedAt }),
      url: `${appUrl()}/articles/${article.slug}#entry-${entry.id}`,
      author: entry.authors.length > 0 ? entry.authors.map((author) => ({ "@type": "Person", name: author.name })) : { "@type": "Organization", name: env().NEWSROOM_NAME },
      articleBody: plainText(entry.body as ArticleDocument),
    })),
  };
}

export default async function ArticlePage({ params }: Props) {
  const { article, previous, next, related } = await lookUp((await params).slug);
  const live = article.coverage ? await liveBlogView(article.slug, undefined) : null;
  return (
    <Story article={article} linked aside={<StaffEditLink articleId={article.id} />}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd(article, live) }} />
      <script src="/reader/article.js" defer />
      {live && <LiveBlog slug={article.slug} view={live} newest />}
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
