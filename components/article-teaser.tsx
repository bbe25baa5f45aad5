import Link from "next/link";
import { Byline, SectionLabel } from "@/components/article-meta";
import { ResponsiveImage } from "@/components/responsive-image";
import type { ArticleTeaser as Teaser } from "@/lib/published";

const LAYOUT = {
  lead: {
    root: "grid gap-6 md:grid-cols-5",
    image: "md:col-span-3",
    imageClass: "w-full",
    sizes: "(min-width: 768px) 60vw, 100vw",
    text: "md:col-span-2",
    headline: "mt-2 text-3xl leading-tight font-bold sm:text-4xl",
    standfirst: "mt-3 text-lg text-muted",
  },
  standard: {
    root: "",
    image: "block",
    imageClass: "aspect-video w-full object-cover",
    sizes: "(min-width: 1024px) 33vw, (min-width: 640px) 50vw, 100vw",
    text: "mt-3",
    headline: "mt-1 text-xl leading-snug font-bold",
    standfirst: "mt-2 text-muted",
  },
} as const;

/** A story as a link on an index page; `lead` is the front page's top story. */
export function ArticleTeaser({ article, variant }: { article: Teaser; variant: keyof typeof LAYOUT }) {
  const layout = LAYOUT[variant];
  const href = `/articles/${article.slug}`;
  const Heading = variant === "lead" ? "h2" : "h3";
  return (
    <article className={layout.root}>
      {article.heroImage && (
        <Link href={href} className={layout.image} tabIndex={-1}>
          <ResponsiveImage image={article.heroImage} sizes={layout.sizes} className={layout.imageClass} priority={variant === "lead"} />
        </Link>
      )}
      <div className={layout.text}>
        <SectionLabel section={article.section} />
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
