import Link from "next/link";
import { connection } from "next/server";
import { Byline, SectionLabel } from "@/components/article-meta";
import { ResponsiveImage } from "@/components/responsive-image";
import { latestArticles } from "@/lib/published";

const HOME_STORIES = 13;

export default async function HomePage() {
  await connection();
  const [lead, ...rest] = await latestArticles(HOME_STORIES);
  if (!lead) {
    return <p className="py-24 text-center text-muted">Nothing has been published yet.</p>;
  }
  return (
    <>
      <article className="grid gap-6 border-b border-rule pb-8 md:grid-cols-5">
        {lead.heroImage && (
          <Link href={`/articles/${lead.slug}`} className="md:col-span-3" tabIndex={-1}>
            <ResponsiveImage image={lead.heroImage} sizes="(min-width: 768px) 60vw, 100vw" className="w-full" priority />
          </Link>
        )}
        <div className="md:col-span-2">
          <SectionLabel section={lead.section} />
          <h2 className="mt-2 text-3xl leading-tight font-bold sm:text-4xl">
            <Link href={`/articles/${lead.slug}`} className="hover:underline">
              {lead.headline}
            </Link>
          </h2>
          <p className="mt-3 text-lg text-muted">{lead.standfirst}</p>
          <div className="mt-4">
            <Byline author={lead.author} publishedAt={lead.publishedAt} />
          </div>
        </div>
      </article>
      <h2 className="sr-only">Latest</h2>
      <ul className="mt-8 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
        {rest.map((article) => (
          <li key={article.id}>
            <article>
              {article.heroImage && (
                <Link href={`/articles/${article.slug}`} tabIndex={-1}>
                  <ResponsiveImage image={article.heroImage} sizes="(min-width: 1024px) 33vw, (min-width: 640px) 50vw, 100vw" className="aspect-video w-full object-cover" />
                </Link>
              )}
              <div className="mt-3">
                <SectionLabel section={article.section} />
                <h3 className="mt-1 text-xl leading-snug font-bold">
                  <Link href={`/articles/${article.slug}`} className="hover:underline">
                    {article.headline}
                  </Link>
                </h3>
                <p className="mt-2 text-muted">{article.standfirst}</p>
                <div className="mt-2">
                  <Byline author={article.author} publishedAt={article.publishedAt} />
                </div>
              </div>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
