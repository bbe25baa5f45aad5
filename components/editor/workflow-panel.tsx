"use client";

import { useState } from "react";
import { ACTION_LABELS, type WorkflowAction } from "@/lib/workflow";

const NEEDS_NOTE: WorkflowAction[] = ["request_changes", "unpublish"];

export interface Move {
  action: WorkflowAction;
  note?: string;
  publishAt?: string;
}

const PUBLISHING: WorkflowAction[] = ["publish", "publish_changes"];

/**
 * One button per action the viewer may take now; the ones that need a note
 * or a time ask for it first. A move held back by a newsroom rule shows as a
 * disabled button that says why, instead of failing when pressed.
 */
export function WorkflowPanel({ actions, held, busy, onMove }: { actions: WorkflowAction[]; held: { action: WorkflowAction; reason: string }[]; busy: boolean; onMove: (move: Move) => void }) {
  const [asking, setAsking] = useState<WorkflowAction | null>(null);
  if (actions.length === 0 && held.length === 0) return null;
  return (
    <div className="space-y-3">
      {held.map(({ action, reason }) => (
        <p key={action} className="flex flex-wrap items-center gap-2 text-sm">
          <button type="button" disabled aria-describedby={`held-${action}`} className="rounded border border-rule bg-[#f3f1ec] px-3 py-1.5 font-semibold text-muted">
            {ACTION_LABELS[action]}
          </button>
          <span id={`held-${action}`} className="text-muted">{reason}</span>
        </p>
      ))}
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            disabled={busy}
            onClick={() => (NEEDS_NOTE.includes(action) || action === "schedule" ? setAsking(action) : onMove({ action }))}
            className={`rounded px-3 py-1.5 text-sm font-semibold ${PUBLISHING.includes(action) ? "bg-green-800 text-white" : "border border-rule bg-white"}`}
          >
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      {asking && (
        <form
          className="space-y-2 rounded border border-rule bg-white p-3 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const publishAt = form.get("publishAt");
            onMove({
              action: asking,
              note: String(form.get("note") ?? "") || undefined,
              publishAt: publishAt ? new Date(String(publishAt)).toISOString() : undefined,
            });
            setAsking(null);
          }}
        >
          {asking === "schedule" ? (
            <label className="block">
              <span className="font-semibold">Publish at</span>
              <input type="datetime-local" name="publishAt" required className="mt-1 block rounded border border-rule px-2 py-1" />
            </label>
          ) : (
            <label className="block">
              <span className="font-semibold">Note</span>
              <textarea name="note" required rows={3} className="mt-1 block w-full rounded border border-rule px-2 py-1" />
            </label>
          )}
          <div className="flex gap-2">
            <button type="submit" className="rounded bg-ink px-3 py-1 font-semibold text-paper">Confirm {ACTION_LABELS[asking].toLowerCase()}</button>
            <button type="button" onClick={() => setAsking(null)} className="rounded border border-rule px-3 py-1">Cancel</button>
          </div>
        </form>
      )}
    </div>
  );
}
