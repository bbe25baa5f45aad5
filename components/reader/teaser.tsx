import Link from "next/link";
import { Byline, SectionLabel } from "@/components/article-meta";
import type { Teaser } from "@/lib/reader/read";
import { LiveLabel } from "./live-label";
import { ReaderImageTag } from "./reader-image";

const LAYOUT = {
  lead: {
    root: "grid gap-6 md:grid-cols-5",
    image: "md:col-span-3",
    imageClass: "w-full h-auto",
    sizes: "(min-width: 1152px) 670px, (min-width: 768px) 60vw, 100vw",
    text: "md:col-span-2",
    headline: "mt-2 text-3xl leading-tight font-bold sm:text-4xl",
    standfirst: "mt-3 text-lg text-muted",
  },
  /** the top story without any photo: its words take the whole row, larger, instead of leaving half of it empty */
  leadText: {
    root: "max-w-3xl",
    image: "",
    imageClass: "",
    sizes: "",
    text: "",
    headline: "mt-2 text-4xl leading-tight font-bold sm:text-5xl",
    standfirst: "mt-4 text-xl text-muted",
  },
  standard: {
    root: "",
    image: "block",
    imageClass: "aspect-video w-full h-auto object-cover",
    sizes: "(min-width: 1152px) 360px, (min-width: 1024px) 33vw, (min-width: 640px) 50vw, 100vw",
    text: "mt-3",
    headline: "mt-1 text-xl leading-snug font-bold",
    standfirst: "mt-2 text-muted",
  },
} as const;

/**
 * A story as a link on an index page; `lead` is the front page's top story.
 * `priority`: its picture is the page's largest paint (the lead, or a
 * listing's first card), loaded at once and first; every other is lazy.
 */
export function TeaserCard({ article, variant, level = 3, priority = variant === "lead" }: { article: Teaser; variant: "lead" | "standard"; level?: 2 | 3; priority?: boolean }) {
  const image = article.cardImage;
  const layout = LAYOUT[variant === "lead" && !image ? "leadText" : variant];
  const href = `/articles/${article.slug}`;
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article className={layout.root}>
      {image && (
        // Cards crop to the slot's 16:9 around the desk's focal point (lib/media/crops.ts).
        <Link href={href} className={layout.image} tabIndex={-1} aria-hidden="true">
          <ReaderImageTag image={image} alt={image.alt} frame="16:9" sizes={layout.sizes} className={layout.imageClass} priority={priority} />
        </Link>
      )}
      <div className={layout.text}>
        <span className="flex items-center gap-2">
          {article.liveNow && <LiveLabel />}
          <SectionLabel section={article.section} />
        </span>
        <Heading className={layout.headline}>
          <Link href={href} className="hover:underline">
            {article.headline}
          </Link>
        </Heading>
        <p className={layout.standfirst}>{article.standfirst}</p>
        <div className="mt-3">
          <Byline author={article.author} publishedAt={article.publishedAt} />
        </div>
      </div>
    </article>
  );
}

/**
 * A grid of teasers; `level` is their headline's heading level under the
 * page's (no skipped levels); `leadsPage` when the grid opens the page, so
 * its first picture is the largest paint.
 */
export function TeaserGrid({ articles, level = 3, leadsPage = false }: { articles: Teaser[]; level?: 2 | 3; leadsPage?: boolean }) {
  return (
    <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((article, index) => (
        <li key={article.id}>
          <TeaserCard article={article} variant="standard" level={level} priority={leadsPage && index === 0} />
        </li>
      ))}
    </ul>
  );
}

/** "Newer" and "Older" links: page 1 lives at `first`, page n at `${prefix}/n`. */
export function Pagination({ first, prefix, page, hasMore }: { first: string; prefix: string; page: number; hasMore: boolean }) {
  const href = (n: number) => (n === 1 ? first : `${prefix}/${n}`);
  if (page === 1 && !hasMore) return null;
  return (
    <nav aria-label="Pages" className="mt-10 flex justify-between font-sans text-sm">
      {page > 1 ? <Link href={href(page - 1)} rel="prev" className="text-accent underline">← Newer stories</Link> : <span />}
      {hasMore ? <Link href={href(page + 1)} rel="next" className="text-accent underline">Older stories →</Link> : <span />}
    </nav>
  );
}

/** A section, tag or author page: a heading, the stories, and the way to older ones. */
export function Listing({ title, intro, path, page, articles, hasMore }: { title: string; intro?: string; path: string; page: number; articles: Teaser[]; hasMore: boolean }) {
  return (
    <>
      <header className="mb-8 border-b border-rule pb-4">
        <h1 className="text-4xl font-bold">{title}</h1>
        {intro && <p className="mt-2 text-muted">{intro}</p>}
      </header>
      {articles.length === 0 ? <p className="text-muted">Nothing published here yet.</p> : <TeaserGrid articles={articles} level={2} leadsPage />}
      <Pagination first={path} prefix={path} page={page} hasMore={hasMore} />
    </>
  );
}
