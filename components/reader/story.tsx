import Link from "next/link";
import type { ReactNode } from "react";
import { Byline, SectionLabel } from "@/components/article-meta";
import { LiveLabel } from "@/components/reader/live-label";
import { ReaderImageTag } from "@/components/reader/reader-image";
import { renderArticleBody } from "@/lib/content/render";
import { formatDateTime } from "@/lib/format";
import { CORRECTION_LABELS, type ReaderArticle } from "@/lib/reader/article";

/**
 * A story as readers see it: the live version on its page, or a working
 * copy in a preview. `linked: false` (previews) links to nothing that might
 * not be public — the section, author and tags are plain text.
 */
export function Story({ article, linked, aside, children }: { article: ReaderArticle; linked: boolean; aside?: ReactNode; children?: ReactNode }) {
  const image = article.image;
  return (
    <article className="mx-auto max-w-3xl">
      <header>
        <div className="flex items-center justify-between">
          <span className="flex items-center gap-3">
            {article.coverage?.running && <LiveLabel />}
            {linked ? <SectionLabel section={article.section} /> : <span className="font-sans text-xs font-bold tracking-wider text-accent uppercase">{article.section?.name}</span>}
          </span>
          {aside}
        </div>
        <h1 className="mt-2 text-4xl leading-tight font-bold sm:text-5xl">{article.headline}</h1>
        <p className="mt-4 text-xl text-muted">{article.standfirst}</p>
        <div className="mt-4 border-y border-rule py-3">
          <Byline author={article.author} publishedAt={article.publishedAt} updatedAt={article.updatedAt} linked={linked} />
        </div>
      </header>
      {image && (
        <figure className="photo">
          <ReaderImageTag image={image} alt={image.alt} sizes="(min-width: 768px) 768px, 100vw" className="h-auto w-full" priority query={article.imageQuery} />
          {(image.caption || image.credit) && (
            <figcaption className="photo-caption">
              {image.caption}
              {image.caption && image.credit && " "}
              {image.credit && <span className="photo-credit">Photo: {image.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}
      {article.corrections.length > 0 && (
        <aside aria-labelledby="corrections" className="mt-6 border-l-4 border-accent bg-red-50 p-4 font-sans text-sm">
          <h2 id="corrections" className="font-bold">Corrections and updates</h2>
          {article.corrections.map((correction) => (
            <p key={`${correction.publishedAt}-${correction.note}`} className="mt-1">
              <strong>{CORRECTION_LABELS[correction.kind]}</strong>{" "}
              <time dateTime={correction.publishedAt} className="text-muted">{formatDateTime(new Date(correction.publishedAt))}:</time> {correction.note}
            </p>
          ))}
        </aside>
      )}
      <div className="article-body mt-8 text-lg leading-relaxed">{renderArticleBody(article.body, `article ${article.id}`, { sizes: article.bodyPhotos, query: article.imageQuery })}</div>
      {article.tags.length > 0 && (
        <ul aria-label="Tags" className="mt-8 flex flex-wrap gap-2 font-sans text-sm">
          {article.tags.map((tag) => (
            <li key={tag.slug}>
              {linked ? (
                <Link href={`/tags/${tag.slug}`} className="block rounded-full border border-rule px-3 py-1 hover:bg-white">{tag.name}</Link>
              ) : (
                <span className="block rounded-full border border-rule px-3 py-1">{tag.name}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {children}
    </article>
  );
}
