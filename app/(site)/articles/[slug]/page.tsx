import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Byline, SectionLabel } from "@/components/article-meta";
import { ResponsiveImage } from "@/components/responsive-image";
import { renderArticleBody } from "@/lib/content/render";
import { publishedArticle } from "@/lib/published";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await publishedArticle((await params).slug);
  return article ? { title: article.headline, description: article.standfirst } : {};
}

export default async function ArticlePage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const article = await publishedArticle(slug);
  if (!article) notFound();
  const image = article.heroImage;
  return (
    <article className="mx-auto max-w-3xl">
      <header>
        <SectionLabel section={article.section} />
        <h1 className="mt-2 text-4xl leading-tight font-bold sm:text-5xl">{article.headline}</h1>
        <p className="mt-4 text-xl text-muted">{article.standfirst}</p>
        <div className="mt-4 border-y border-rule py-3">
          <Byline author={article.author} publishedAt={article.publishedAt} />
        </div>
      </header>
      {image && (
        <figure className="mt-6">
          <ResponsiveImage image={image} sizes="(min-width: 768px) 768px, 100vw" className="w-full" priority />
          <figcaption className="mt-2 font-sans text-sm text-muted">
            {image.caption} {image.credit && <span>(Photo: {image.credit})</span>}
          </figcaption>
        </figure>
      )}
      <div className="article-body mt-8 text-lg leading-relaxed">{renderArticleBody(article.body, `article ${article.id}`)}</div>
      {article.tags.length > 0 && (
        <ul aria-label="Tags" className="mt-8 flex flex-wrap gap-2 font-sans text-sm">
          {article.tags.map(({ tag }) => (
            <li key={tag.slug} className="rounded-full border border-rule px-3 py-1">
              {tag.name}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
