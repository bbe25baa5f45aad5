import { ArticleEditor } from "@/components/editor/article-editor";
import { filterOptions } from "@/lib/articles";
import { pageViewer } from "@/lib/auth/page-viewer";

export const metadata = { title: "New article" };

export default async function NewArticlePage() {
  await pageViewer();
  const { sections } = await filterOptions();
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">New article</h1>
      <ArticleEditor article={null} sections={sections} />
    </>
  );
}
