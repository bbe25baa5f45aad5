import { useState } from "react";
import { DueLabel } from "@/components/newsroom/due-label";
import type { EditorArticle } from "@/lib/articles";
import { formatDateTime } from "@/lib/format";
import type { ArticleState } from "@/lib/workflow";

/**
 * The plan, where the reporter starts: when it is due (relative, in the
 * newsroom's zone), the slot, who has it, and the desk's brief in full.
 * Nothing when the story has no plan. Changing the plan is the Plan panel's
 * (below the editor); this only reads it. Times may arrive as Dates (the
 * page) or as strings (the JSON API), hence `new Date`.
 */
export function PlanSummary({ plan, status }: { plan: EditorArticle["plan"]; status: ArticleState }) {
  // Read once: "Due tomorrow" changes at midnight, not while the story is open.
  const [now] = useState(() => new Date());
  if (!plan.deadline && !plan.plannedFor && !plan.assignee && !plan.brief) return null;
  return (
    <section aria-label="Assignment" data-testid="plan-summary" className="space-y-1 rounded border border-rule bg-white p-3 text-sm">
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        {plan.deadline && <DueLabel deadline={new Date(plan.deadline)} status={status} now={now} />}
        {plan.plannedFor && <span data-testid="plan-slot">Slot {formatDateTime(new Date(plan.plannedFor))}</span>}
        {plan.assignee && <span>Assigned to {plan.assignee.name}</span>}
      </p>
      {plan.brief && (
        <div data-testid="plan-brief">
          <p className="font-semibold">Brief</p>
          <p className="whitespace-pre-wrap">{plan.brief}</p>
        </div>
      )}
    </section>
  );
}
