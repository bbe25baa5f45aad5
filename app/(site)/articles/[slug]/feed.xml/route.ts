import { notFound } from "next/navigation";
import { articleBySlug } from "@/lib/reader/article";
import { liveBlogFeed } from "@/lib/reader/feeds";
import { liveBlogEntries } from "@/lib/reader/live-blog";

export const dynamic = "force-dynamic"; // the data is cached by tag; nothing to build ahead

/** RSS of a live blog's newest entries. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const found = await articleBySlug((await params).slug);
  const entries = found.kind === "article" && found.article.coverage ? await liveBlogEntries(found.article.slug, undefined) : null;
  if (found.kind !== "article" || !entries) notFound();
  return liveBlogFeed(found.article, entries.entries);
}
