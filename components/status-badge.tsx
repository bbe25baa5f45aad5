import { STATE_LABELS, type ArticleState } from "@/lib/workflow";

const COLOURS: Record<ArticleState, string> = {
  DRAFT: "bg-[#ece9e2] text-ink",
  IN_REVIEW: "bg-amber-100 text-amber-900",
  CHANGES_REQUESTED: "bg-red-100 text-red-900",
  SCHEDULED: "bg-sky-100 text-sky-900",
  PUBLISHED: "bg-green-100 text-green-900",
  ARCHIVED: "bg-zinc-200 text-zinc-700",
};

export function StatusBadge({ status }: { status: ArticleState }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${COLOURS[status]}`} data-testid="status-badge">{STATE_LABELS[status]}</span>;
}
