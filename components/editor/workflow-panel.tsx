"use client";

import { useEffect, useRef, useState } from "react";
import { DateTimeInput } from "@/components/newsroom/date-time-input";
import { formatDateTime, newsroomTimeZone } from "@/lib/format";
import type { CheckResult } from "@/lib/publishing/checks";
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
/** Moves that are hard to take back: set apart from the others, and asked about first. */
const APART: WorkflowAction[] = ["archive"];

/** What a move did, as the server says: who was told of it, by name. */
export interface MoveDone {
  status: string;
  told: string[];
  /** a publish an embargo turned into a schedule for its end */
  heldByEmbargo?: boolean;
  scheduledFor?: string | null;
}

/** What the person who moved the story is told it did. */
const DONE: Record<WorkflowAction, string> = {
  submit: "Sent for review",
  withdraw: "Withdrawn from review",
  request_changes: "Changes requested",
  publish: "Published",
  publish_changes: "Changes published",
  discard_changes: "Changes discarded",
  schedule: "Scheduled",
  reschedule: "Rescheduled",
  unschedule: "Unscheduled",
  publish_scheduled: "Published on schedule",
  unpublish: "Unpublished",
  archive: "Archived",
  restore: "Restored as a draft",
};

const asksFirst = (action: WorkflowAction) => NEEDS_NOTE.includes(action) || PUBLISHING.includes(action) || NEEDS_TIME.includes(action) || APART.includes(action);
const names = (people: string[]) => new Intl.ListFormat("en-GB", { type: "conjunction" }).format(people);
const doneMessage = (action: WorkflowAction, done: MoveDone) => {
  const what = done.heldByEmbargo && done.scheduledFor ? `Embargoed until ${formatDateTime(new Date(done.scheduledFor))}: scheduled to go live then, not now` : DONE[action];
  return done.told.length > 0 ? `${what} — told ${names(done.told)}.` : `${what}.`;
};

/** What readers will get, shown before publishing: the last look. */
export interface LastLook {
  headline: string;
  standfirst: string;
  slug: string;
  section: string | null;
  hero: { url: string; alt: string } | null;
  photoSlots: number;
  /** the embargo in force, if any: a publish then schedules for its end (a Date on the server, its JSON string here) */
  embargoUntil: Date | string | null;
}

const OUTCOME_LABELS = { pass: "Pass", warn: "Warning", block: "Blocks publishing" } as const;

/** The newsroom's checks on the saved version, as the server runs them (null while they load). */
function ChecksList({ checks }: { checks: CheckResult[] | null }) {
  if (!checks) return <p className="text-muted">Running the newsroom’s checks…</p>;
  const run = checks.filter((check) => check.outcome !== "off");
  if (run.length === 0) return null;
  return (
    <div>
      <p className="font-semibold">Checks</p>
      <ul aria-label="Publishing checks" className="mt-1 space-y-1">
        {run.map((check) => (
          <li key={check.rule} data-testid={`check-${check.rule}`} data-outcome={check.outcome} className="flex gap-2">
            <span aria-hidden="true" className={check.outcome === "pass" ? "text-green-800" : check.outcome === "warn" ? "text-amber-800" : "text-accent"}>
              {check.outcome === "pass" ? "✓" : check.outcome === "warn" ? "!" : "✕"}
            </span>
            <span>
              <span className="font-semibold">{OUTCOME_LABELS[check.outcome as keyof typeof OUTCOME_LABELS]}:</span> {check.label}
              {check.message && <span className="block text-muted">{check.message}</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What must be fixed before publishing: photo slots (a need of the move) and whatever the newsroom's checks block. */
const blockersOf = (look: LastLook, checks: CheckResult[] | null): string[] => [
  ...(look.photoSlots > 0 ? [`${look.photoSlots} photo slot${look.photoSlots === 1 ? " has" : "s have"} no image yet.`] : []),
  ...(checks ?? []).filter((check) => check.outcome === "block").map((check) => check.message ?? check.label),
];

function LastLookSummary({ look, checks }: { look: LastLook; checks: CheckResult[] | null }) {
  const blockers = blockersOf(look, checks);
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
        <dd>{look.embargoUntil ? `${formatDateTime(new Date(look.embargoUntil))}, when the embargo ends (Publish schedules it)` : "now"}</dd>
      </dl>
      <ChecksList checks={checks} />
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
 * disabled button that says why, instead of failing when pressed. Archiving
 * stands apart and asks first, in the page (keyboard: the question takes the
 * focus, Escape cancels and gives it back). After a move the panel says what
 * happened and who was told.
 */
export function WorkflowPanel({
  actions,
  held,
  busy,
  lastLook,
  loadChecks,
  savedAt,
  onMove,
}: {
  actions: WorkflowAction[];
  held: { action: WorkflowAction; reason: string }[];
  busy: boolean;
  lastLook: LastLook;
  /** the newsroom's checks on the version about to go out (saved first) */
  loadChecks: () => Promise<CheckResult[] | null>;
  /** when the working copy was last saved: the checks are run again after each save */
  savedAt: Date | null;
  onMove: (move: Move) => Promise<MoveDone | null>;
}) {
  const [asking, setAsking] = useState<WorkflowAction | null>(null);
  const [checks, setChecks] = useState<CheckResult[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const question = useRef<HTMLFormElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    // The last look's Confirm waits for the checks: until then the question itself holds the focus (Escape still closes it).
    if (asking) (question.current?.querySelector<HTMLElement>("textarea, input, button[type=submit]:not(:disabled)") ?? question.current)?.focus();
  }, [asking]);
  useEffect(() => {
    // Checks in while the question still holds the focus: Confirm takes it, so Enter publishes as it would have on any other dialog.
    if (checks !== null && document.activeElement === question.current) question.current?.querySelector<HTMLElement>("button[type=submit]:not(:disabled)")?.focus();
  }, [checks]);
  const lastLookOpen = asking !== null && PUBLISHING.includes(asking);
  useEffect(() => {
    if (!lastLookOpen) return;
    let current = true;
    void loadChecks().then((loaded) => current && setChecks(loaded ?? []));
    return () => {
      current = false;
    };
    // Run when the last look opens, and again after each save while it is open: a fix (alt text typed) clears its check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastLookOpen, savedAt]);
  // Gone with the last look: the next one opens with Confirm waiting (a button disabled under the focus would drop it).
  useEffect(() => {
    if (!lastLookOpen) setChecks(null);
  }, [lastLookOpen]);
  // After the last move the viewer may take, what it did is still said.
  if (actions.length === 0 && held.length === 0 && !done) return null;

  const move = async (step: Move) => {
    setDone(null);
    const result = await onMove(step);
    if (result) setDone(doneMessage(step.action, result));
  };
  const cancel = () => {
    setAsking(null);
    opener.current?.focus();
  };
  const button = (action: WorkflowAction) => (
    <button
      key={action}
      type="button"
      disabled={busy}
      aria-expanded={asksFirst(action) ? asking === action : undefined}
      onClick={(event) => {
        if (!asksFirst(action)) return void move({ action });
        opener.current = event.currentTarget;
        setAsking(action);
      }}
      className={`rounded px-3 py-1.5 text-sm font-semibold ${PUBLISHING.includes(action) ? "bg-green-800 text-white" : APART.includes(action) ? "border border-accent bg-white text-accent" : "border border-rule bg-white"}`}
    >
      {ACTION_LABELS[action]}
    </button>
  );
  const main = actions.filter((action) => !APART.includes(action));
  const apart = actions.filter((action) => APART.includes(action));
  const askingForm = asking && (
    <form
      ref={question}
      tabIndex={-1}
      aria-label={`${ACTION_LABELS[asking]}: confirm`}
      className="space-y-2 rounded border border-rule bg-white p-3 text-sm"
      onKeyDown={(event) => {
        if (event.key === "Escape") cancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const publishAt = form.get("publishAt");
        void move({
          action: asking,
          note: String(form.get("note") ?? "") || undefined,
          publishAt: publishAt ? String(publishAt) : undefined,
        });
        setAsking(null);
      }}
    >
      {PUBLISHING.includes(asking) ? (
        <LastLookSummary look={lastLook} checks={checks} />
      ) : NEEDS_TIME.includes(asking) ? (
        <DateTimeInput label={`Publish at (${newsroomTimeZone()})`} name="publishAt" required className="mt-1 block w-64 rounded border border-rule px-2 py-1" />
      ) : APART.includes(asking) ? (
        <p>
          <strong>Archive this story?</strong> It leaves every queue, comes off the site if readers have it, and its share links stop working.
          An editor can restore it later, as a draft.
        </p>
      ) : (
        <label className="block">
          <span className="font-semibold">Note</span>
          <textarea name="note" required rows={3} className="mt-1 block w-full rounded border border-rule px-2 py-1" />
        </label>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={PUBLISHING.includes(asking) && (checks === null || blockersOf(lastLook, checks).length > 0)} className="rounded bg-ink px-3 py-1 font-semibold text-paper disabled:opacity-50">
          Confirm {ACTION_LABELS[asking].toLowerCase()}
        </button>
        <button type="button" onClick={cancel} className="rounded border border-rule px-3 py-1">Cancel</button>
      </div>
    </form>
  );
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
      {main.length > 0 && <div className="flex flex-wrap gap-2">{main.map(button)}</div>}
      {asking && !APART.includes(asking) && askingForm}
      {/* Always there, so a screen reader announces what a move did when the words arrive. */}
      <p role="status" data-testid="move-done" className="text-sm text-green-800 empty:hidden">{done}</p>
      {apart.length > 0 && (
        <div className="space-y-2 border-t border-rule pt-3">
          <div className="flex flex-wrap gap-2">{apart.map(button)}</div>
          {asking && APART.includes(asking) && askingForm}
        </div>
      )}
    </div>
  );
}
