import { ArticleEditor } from "@/components/editor/article-editor";
import { filterOptions } from "@/lib/articles";
import { pageViewer } from "@/lib/auth/page-viewer";

export const metadata = { title: "New story" };

/** The editor names the story itself ("New story" until it has a headline). */
export default async function NewArticlePage() {
  await pageViewer();
  const { sections } = await filterOptions();
  return <ArticleEditor article={null} sections={sections} />;
}
