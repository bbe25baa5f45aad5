"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { api } from "@/components/editor/api";
import { DateTimeInput } from "@/components/newsroom/date-time-input";
import { PLAN_LIMITS } from "@/lib/content/limits";
import { dayOf } from "@/lib/time-zone";

type Option = { id: string; name: string };

export interface PlanValues {
  slugLine: string;
  assigneeId: string;
  editorId: string;
  /** instants ("2026-12-08T21:00:00.000Z") or wall times in the newsroom's zone ("2026-12-08T16:00"); the fields show them as the newsroom writes them */
  deadline: string;
  plannedFor: string;
  /** the desk's few lines for the assignee: the angle, the contacts */
  brief: string;
}

/** A label and its control side by side (not wrapped), so the control's name is the label's text alone, not its options'. */
function Field({ label, wide, children }: { label: string; wide?: boolean; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <label htmlFor={id} className="font-semibold">{label}</label>
      {children(id)}
    </div>
  );
}

const warned = (warnings: string[]) => (warnings.length > 0 ? ` ${warnings.join(" ")}` : "");

export const NO_PLAN: PlanValues = { slugLine: "", assigneeId: "", editorId: "", deadline: "", plannedFor: "", brief: "" };

/**
 * The desk's plan for a story: plan a new one (`articleId` absent) or
 * change an existing one's. Times are sent as typed; the server reads them
 * in the newsroom's zone. A new story planned, the form empties for the
 * next one and links to the one just planned; on the budget (`budgetDay`,
 * the day it shows) the page moves to the story's day — its deadline's,
 * else its slot's — so the desk sees it land.
 */
export function PlanForm({ articleId, initial, staff, editors, sections, timeZone, budgetDay }: { articleId?: string; initial: PlanValues; staff: Option[]; editors: Option[]; sections?: Option[]; timeZone: string; budgetDay?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [planned, setPlanned] = useState<{ id: string; slugLine: string } | null>(null);
  // A new key empties every field, the date fields' own state included.
  const [blank, setBlank] = useState(0);
  const input = "mt-1 block w-full rounded border border-rule px-2 py-1";

  async function submit(form: FormData) {
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const plan = {
      slugLine: text("slugLine"),
      assigneeId: text("assigneeId") || null,
      editorId: text("editorId") || null,
      deadline: text("deadline") || null,
      plannedFor: text("plannedFor") || null,
      brief: text("brief") || null,
    };
    setBusy(true);
    if (articleId) {
      const result = await api<{ warnings: string[] }>(`/articles/${articleId}`, { method: "PATCH", json: plan });
      setBusy(false);
      if (!result.ok) return setOutcome({ kind: "error", text: result.error.message });
      setOutcome({ kind: "ok", text: `Plan saved.${warned(result.data.warnings)}` });
      return router.refresh();
    }
    const result = await api<{ id: string; warnings: string[]; deadline: string | null; plannedFor: string | null }>("/articles", { json: { ...plan, sectionId: text("sectionId") || null } });
    setBusy(false);
    if (!result.ok) return setOutcome({ kind: "error", text: result.error.message });
    setOutcome({ kind: "ok", text: `Story planned.${warned(result.data.warnings)}` });
    setPlanned({ id: result.data.id, slugLine: plan.slugLine });
    setBlank((key) => key + 1);
    const at = result.data.deadline ?? result.data.plannedFor;
    const day = at ? dayOf(new Date(at), timeZone) : null;
    if (budgetDay && day && day !== budgetDay) {
      const query = new URLSearchParams(window.location.search);
      query.set("date", day);
      router.push(`?${query}`);
    } else router.refresh();
  }

  return (
    <form
      key={blank}
      aria-label={articleId ? "Plan" : "Plan a story"}
      className="grid gap-3 text-sm sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
    >
      <Field label="Slug line" wide>{(id) => <input id={id} name="slugLine" defaultValue={initial.slugLine} maxLength={120} required={!articleId} className={input} />}</Field>
      {sections && (
        <Field label="Section">
          {(id) => (
            <select id={id} name="sectionId" defaultValue="" className={input}>
              <option value="">No section</option>
              {sections.map((section) => <option key={section.id} value={section.id}>{section.name}</option>)}
            </select>
          )}
        </Field>
      )}
      <Field label="Reporter">
        {(id) => (
          <select id={id} name="assigneeId" defaultValue={initial.assigneeId} className={input}>
            <option value="">Unassigned</option>
            {staff.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
          </select>
        )}
      </Field>
      <Field label="Editor">
        {(id) => (
          <select id={id} name="editorId" defaultValue={initial.editorId} className={input}>
            <option value="">Any editor</option>
            {editors.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={`Deadline (${timeZone})`}>{(id) => <DateTimeInput id={id} name="deadline" defaultValue={initial.deadline} className={input} />}</Field>
      <Field label={`Planned slot (${timeZone})`}>{(id) => <DateTimeInput id={id} name="plannedFor" defaultValue={initial.plannedFor} className={input} />}</Field>
      <Field label="Brief" wide>
        {(id) => (
          <textarea id={id} name="brief" defaultValue={initial.brief} maxLength={PLAN_LIMITS.briefChars} rows={3} placeholder="The angle, who to call" className={input} />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={busy} className="rounded bg-ink px-4 py-1.5 font-semibold text-paper disabled:opacity-50">
          {articleId ? "Save plan" : "Plan story"}
        </button>
        {outcome && <span role={outcome.kind === "error" ? "alert" : "status"} className={outcome.kind === "error" ? "text-accent" : "text-green-800"}>{outcome.text}</span>}
        {planned && outcome?.kind === "ok" && (
          <span data-testid="planned-story">
            Planned: <Link href={`/newsroom/articles/${planned.id}`} className="font-semibold text-accent underline">{planned.slugLine} — open it</Link>
          </span>
        )}
      </div>
    </form>
  );
}
