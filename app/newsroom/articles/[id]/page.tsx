import { notFound } from "next/navigation";
import { Comments } from "@/components/editor/comments";
import { ArticleEditor } from "@/components/editor/article-editor";
import { SourceLine } from "@/components/newsroom/source-line";
import { filterOptions, getArticle, listComments } from "@/lib/articles";
import { pageViewer } from "@/lib/auth/page-viewer";
import { AppError } from "@/lib/errors";
import { PlanPanel } from "./plan-panel";

export const metadata = { title: "Edit article" };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await pageViewer();
  const { id } = await params;
  const [article, comments, { sections }] = await Promise.all([
    getArticle(viewer, id).catch((error: unknown) => (error instanceof AppError && error.code === "NOT_FOUND" ? null : Promise.reject(error))),
    listComments(viewer, id).catch(() => []),
    filterOptions(),
  ]);
  if (!article) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm text-muted">By {article.author.name}</p>
      <SourceLine source={article.source} />
      <ArticleEditor key={article.id} article={article} sections={sections} />
      <PlanPanel article={article} />
      <Comments articleId={article.id} initial={comments} />
    </div>
  );
}
