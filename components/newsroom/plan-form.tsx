"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { api } from "@/components/editor/api";

type Option = { id: string; name: string };

export interface PlanValues {
  slugLine: string;
  assigneeId: string;
  editorId: string;
  /** wall times in the newsroom's zone, as datetime-local inputs hold them */
  deadline: string;
  plannedFor: string;
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

export const NO_PLAN: PlanValues = { slugLine: "", assigneeId: "", editorId: "", deadline: "", plannedFor: "" };

/**
 * The desk's plan for a story: plan a new one (`articleId` absent) or
 * change an existing one's. Times are sent as typed; the server reads them
 * in the newsroom's zone.
 */
export function PlanForm({ articleId, initial, staff, editors, sections, timeZone }: { articleId?: string; initial: PlanValues; staff: Option[]; editors: Option[]; sections?: Option[]; timeZone: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const input = "mt-1 block w-full rounded border border-rule px-2 py-1";

  async function submit(form: FormData) {
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const plan = {
      slugLine: text("slugLine"),
      assigneeId: text("assigneeId") || null,
      editorId: text("editorId") || null,
      deadline: text("deadline") || null,
      plannedFor: text("plannedFor") || null,
    };
    setBusy(true);
    const result = articleId
      ? await api<{ warnings: string[] }>(`/articles/${articleId}`, { method: "PATCH", json: plan })
      : await api<{ id: string; warnings: string[] }>("/articles", { json: { ...plan, sectionId: text("sectionId") || null } });
    setBusy(false);
    if (!result.ok) return setOutcome({ kind: "error", text: result.error.message });
    const warnings = result.data.warnings.length > 0 ? ` ${result.data.warnings.join(" ")}` : "";
    setOutcome({ kind: "ok", text: `${articleId ? "Plan saved." : "Story planned."}${warnings}` });
    router.refresh();
  }

  return (
    <form
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
      <Field label={`Deadline (${timeZone})`}>{(id) => <input id={id} type="datetime-local" name="deadline" defaultValue={initial.deadline} className={input} />}</Field>
      <Field label={`Planned slot (${timeZone})`}>{(id) => <input id={id} type="datetime-local" name="plannedFor" defaultValue={initial.plannedFor} className={input} />}</Field>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={busy} className="rounded bg-ink px-4 py-1.5 font-semibold text-paper disabled:opacity-50">
          {articleId ? "Save plan" : "Plan story"}
        </button>
        {outcome && <span role={outcome.kind === "error" ? "alert" : "status"} className={outcome.kind === "error" ? "text-accent" : "text-green-800"}>{outcome.text}</span>}
      </div>
    </form>
  );
}
