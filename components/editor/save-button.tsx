import type { ArticleState } from "@/lib/workflow";

/**
 * "Save draft" only while the story is a draft: past that (in review, live,
 * scheduled) the word would be false. Saving never shows readers anything,
 * and the button says so where someone might think it does.
 */
export function SaveButton({ status, live, disabled, onSave }: { status: ArticleState | null; live: boolean; disabled: boolean; onSave: () => void }) {
  const draft = status === null || status === "DRAFT";
  const hint = draft ? null : live ? "Readers keep the live version until these changes are published." : "Readers see nothing until it is published.";
  return (
    <p className="flex flex-wrap items-center gap-3">
      <button type="button" onClick={onSave} disabled={disabled} aria-describedby={hint ? "save-hint" : undefined} className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
        {draft ? "Save draft" : "Save"}
      </button>
      {hint && <span id="save-hint" className="text-sm text-muted">{hint}</span>}
    </p>
  );
}
