"use client";

import { useState } from "react";
import { newsroomTimeZone } from "@/lib/format";
import { ACTION_LABELS, type WorkflowAction } from "@/lib/workflow";

const NEEDS_NOTE: WorkflowAction[] = ["request_changes", "unpublish"];
const NEEDS_TIME: WorkflowAction[] = ["schedule", "reschedule"];

export interface Move {
  action: WorkflowAction;
  note?: string;
  /** a wall time as typed ("2026-12-05T14:30"); the server reads it in the newsroom's zone */
  publishAt?: string;
}

const PUBLISHING: WorkflowAction[] = ["publish", "publish_changes"];

/** What readers will get, shown before publishing: the last look. */
export interface LastLook {
  headline: string;
  standfirst: string;
  slug: string;
  section: string | null;
  hero: { url: string; alt: string } | null;
  figuresWithoutAlt: number;
  photoSlots: number;
}

/** What must be fixed before publishing: a photo readers cannot have described to them. */
const blockersOf = (look: LastLook): string[] => [
  ...(look.photoSlots > 0 ? [`${look.photoSlots} photo slot${look.photoSlots === 1 ? " has" : "s have"} no image yet.`] : []),
  ...(look.hero && !look.hero.alt.trim() ? ["The hero photo has no alt text."] : []),
  ...(look.figuresWithoutAlt > 0 ? [`${look.figuresWithoutAlt} photo${look.figuresWithoutAlt === 1 ? "" : "s"} in the body ha${look.figuresWithoutAlt === 1 ? "s" : "ve"} no alt text.`] : []),
];

function LastLookSummary({ look }: { look: LastLook }) {
  const blockers = blockersOf(look);
  return (
    <div className="space-y-2">
      <p className="font-semibold">Readers will get:</p>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted">Headline</dt>
        <dd className="font-serif font-bold">{look.headline}</dd>
        <dt className="text-muted">Standfirst</dt>
        <dd>{look.standfirst || "(none)"}</dd>
        <dt className="text-muted">Hero photo</dt>
        <dd>
          {look.hero ? (
            // eslint-disable-next-line @next/next/no-img-element -- a thumbnail of our own stored variant
            <img src={look.hero.url} alt={look.hero.alt} className="mb-1 h-16 w-auto rounded" />
          ) : null}
          {look.hero ? `Alt text: ${look.hero.alt || "(missing)"}` : "(none)"}
        </dd>
        <dt className="text-muted">Section</dt>
        <dd>{look.section ?? "(none)"}</dd>
        <dt className="text-muted">Address</dt>
        <dd className="font-mono text-xs">/articles/{look.slug}</dd>
        <dt className="text-muted">Goes live</dt>
        <dd>now</dd>
      </dl>
      {blockers.length > 0 && (
        <ul role="alert" className="list-inside list-disc text-accent">
          {blockers.map((blocker) => <li key={blocker}>{blocker}</li>)}
        </ul>
      )}
    </div>
  );
}

/**
 * One button per action the viewer may take now; the ones that need a note
 * or a time ask for it first. A move held back by a newsroom rule shows as a
 * disabled button that says why, instead of failing when pressed.
 */
export function WorkflowPanel({ actions, held, busy, lastLook, onMove }: { actions: WorkflowAction[]; held: { action: WorkflowAction; reason: string }[]; busy: boolean; lastLook: LastLook; onMove: (move: Move) => void }) {
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
            onClick={() => (NEEDS_NOTE.includes(action) || PUBLISHING.includes(action) || NEEDS_TIME.includes(action) ? setAsking(action) : onMove({ action }))}
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
              publishAt: publishAt ? String(publishAt) : undefined,
            });
            setAsking(null);
          }}
        >
          {PUBLISHING.includes(asking) ? (
            <LastLookSummary look={lastLook} />
          ) : NEEDS_TIME.includes(asking) ? (
            <label className="block">
              <span className="font-semibold">Publish at ({newsroomTimeZone()})</span>
              <input type="datetime-local" name="publishAt" required className="mt-1 block rounded border border-rule px-2 py-1" />
            </label>
          ) : (
            <label className="block">
              <span className="font-semibold">Note</span>
              <textarea name="note" required rows={3} className="mt-1 block w-full rounded border border-rule px-2 py-1" />
            </label>
          )}
          <div className="flex gap-2">
            <button type="submit" disabled={PUBLISHING.includes(asking) && blockersOf(lastLook).length > 0} className="rounded bg-ink px-3 py-1 font-semibold text-paper disabled:opacity-50">
              Confirm {ACTION_LABELS[asking].toLowerCase()}
            </button>
            <button type="button" onClick={() => setAsking(null)} className="rounded border border-rule px-3 py-1">Cancel</button>
          </div>
        </form>
      )}
    </div>
  );
}
