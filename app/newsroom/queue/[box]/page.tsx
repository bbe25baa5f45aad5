import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleRows } from "@/components/newsroom/article-rows";
import { BOX_TITLES, BOXES, boxList, type BoxName } from "@/lib/articles";
import { pageViewer } from "@/lib/auth/page-viewer";

export const metadata = { title: "Queue" };

const isBox = (name: string): name is BoxName => (BOXES as readonly string[]).includes(name);

/** A dashboard box's whole list: every story in it, a page at a time, with how long each has waited. */
export default async function QueuePage({ params, searchParams }: { params: Promise<{ box: string }>; searchParams: Promise<{ page?: string }> }) {
  const viewer = await pageViewer();
  const { box } = await params;
  const page = Math.min(Math.max(Number.parseInt((await searchParams).page ?? "1", 10) || 1, 1), 10_000);
  if (!isBox(box)) notFound();
  const { total, hasMore, articles } = await boxList(viewer, box, page);
  const href = (n: number) => `/newsroom/queue/${box}${n > 1 ? `?page=${n}` : ""}`;
  return (
    <section aria-labelledby="queue" className="rounded border border-rule bg-paper p-5">
      <h1 id="queue" className="font-serif text-3xl font-bold">
        {BOX_TITLES[box]} <span className="ml-1 rounded-full bg-[#ece9e2] px-2 py-0.5 font-sans text-base font-semibold" data-testid="queue-count">{total}</span>
      </h1>
      {articles.length === 0 ? <p className="mt-3 text-sm text-muted">Nothing here.</p> : <ArticleRows articles={articles} />}
      <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
        {page > 1 ? <Link href={href(page - 1)} className="text-accent underline">← Previous page</Link> : <span />}
        {hasMore && <Link href={href(page + 1)} className="text-accent underline">Next page →</Link>}
      </nav>
    </section>
  );
}
