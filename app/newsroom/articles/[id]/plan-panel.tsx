import { PlanForm } from "@/components/newsroom/plan-form";
import { planningPeople, type EditorArticle } from "@/lib/articles";
import { formatDateTime, newsroomTimeZone } from "@/lib/format";

/** The story's plan: editors change it here, everyone else reads it. */
export async function PlanPanel({ article }: { article: EditorArticle }) {
  const { plan } = article;
  const zone = newsroomTimeZone();
  return (
    <section aria-labelledby="plan-heading" className="rounded border border-rule bg-paper p-5">
      <h2 id="plan-heading" className="text-lg font-bold">Plan</h2>
      {article.canPlan ? (
        <div className="mt-3">
          <PlanForm
            articleId={article.id}
            timeZone={zone}
            {...await planningPeople()}
            initial={{
              slugLine: plan.slugLine,
              assigneeId: plan.assignee?.id ?? "",
              editorId: plan.editor?.id ?? "",
              // Instants, not wall times: the field offers back the hour the clocks go back unambiguously.
              deadline: plan.deadline?.toISOString() ?? "",
              plannedFor: plan.plannedFor?.toISOString() ?? "",
              brief: plan.brief ?? "",
            }}
          />
        </div>
      ) : (
        <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-muted">Slug line</dt>
          <dd>{plan.slugLine || "—"}</dd>
          <dt className="text-muted">Reporter</dt>
          <dd>{plan.assignee?.name ?? "Unassigned"}</dd>
          <dt className="text-muted">Editor</dt>
          <dd>{plan.editor?.name ?? "Any editor"}</dd>
          <dt className="text-muted">Deadline</dt>
          <dd>{plan.deadline ? formatDateTime(plan.deadline) : "—"}</dd>
          <dt className="text-muted">Planned slot</dt>
          <dd>{plan.plannedFor ? formatDateTime(plan.plannedFor) : "—"}</dd>
          <dt className="text-muted">Brief</dt>
          <dd className="whitespace-pre-wrap">{plan.brief ?? "—"}</dd>
        </dl>
      )}
    </section>
  );
}
