/** One button of the body's toolbar; `active` (a mark or setting that is on) is announced as pressed. */
export function ToolbarButton({ label, active, onClick, disabled }: { label: string; active?: boolean; onClick: () => void; disabled?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-pressed={active}
      className={`rounded border px-2 py-0.5 text-xs disabled:opacity-50 ${active ? "border-ink bg-ink text-paper" : "border-rule bg-white"}`}
    >
      {label}
    </button>
  );
}
