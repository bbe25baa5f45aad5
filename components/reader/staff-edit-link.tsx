/**
 * "Edit" for signed-in staff: in every copy of the page, hidden, so the cached
 * page stays the same for everyone; public/reader/article.js shows it when the
 * browser holds a staff session.
 */
export function StaffEditLink({ articleId }: { articleId: string }) {
  return (
    <a href={`/newsroom/articles/${articleId}`} className="rounded border border-rule px-2 py-0.5 font-sans text-xs hover:bg-white" data-staff-edit hidden>
      Edit
    </a>
  );
}
