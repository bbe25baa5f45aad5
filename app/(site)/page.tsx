import { connection } from "next/server";
import { ArticleTeaser } from "@/components/article-teaser";
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
      <div className="border-b border-rule pb-8">
        <ArticleTeaser article={lead} variant="lead" />
      </div>
      <h2 className="sr-only">Latest</h2>
      <ul className="mt-8 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
        {rest.map((article) => (
          <li key={article.id}>
            <ArticleTeaser article={article} variant="standard" />
          </li>
        ))}
      </ul>
    </>
  );
}
