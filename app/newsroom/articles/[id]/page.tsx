import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Comments } from "@/components/editor/comments";
import { ArticleEditor } from "@/components/editor/article-editor";
import { LiveDesk } from "@/components/live/live-desk";
import { MakeLiveCoverage } from "@/components/live/make-live-coverage";
import { SourceLine } from "@/components/newsroom/source-line";
import { filterOptions, getArticle, listComments } from "@/lib/articles";
import { pageViewer } from "@/lib/auth/page-viewer";
import { AppError } from "@/lib/errors";
import { listEntries } from "@/lib/live";
import { markStoryRead } from "@/lib/notifications";
import { PlanPanel } from "./plan-panel";

/** One read per request, shared by the tab title and the page. */
const loadArticle = cache(async (id: string) =>
  getArticle(await pageViewer(), id).catch((error: unknown) => (error instanceof AppError && error.code === "NOT_FOUND" ? null : Promise.reject(error))),
);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const article = await loadArticle((await params).id);
  return { title: article?.headline.trim() || "Untitled story" };
}

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await pageViewer();
  const { id } = await params;
  const [article, comments, { sections }] = await Promise.all([
    loadArticle(id),
    listComments(viewer, id).catch(() => []),
    filterOptions(),
  ]);
  if (!article) notFound();
  const entries = article.kind === "live" ? await listEntries(viewer, article.id) : null;
  // Opening the story is reading what the inbox said about it; the header's count catches up on its next look.
  await markStoryRead(viewer, article.id);
  return (
    <div className="space-y-6">
      <SourceLine source={article.source} />
      {entries && <LiveDesk article={article} initial={entries} />}
      {article.kind === "story" && article.canEdit && article.publishedAt === null && <MakeLiveCoverage articleId={article.id} />}
      <ArticleEditor key={article.id} article={article} sections={sections} />
      <PlanPanel article={article} />
      <Comments articleId={article.id} initial={comments} />
    </div>
  );
}
