"use client";

import { useState } from "react";
import { DiffView } from "@/components/diff-view";
import { api } from "@/components/editor/api";
import { formatDateTime } from "@/lib/format";

export interface RevisionView {
  id: string;
  version: number;
  kind: "SAVE" | "RESTORE" | "DISCARD";
  live: boolean;
  scheduled: boolean;
  headline: string;
  /** everything a reviewer compares, as one text */
  text: string;
  createdAt: string | Date;
  author: { name: string };
}

const KIND_NOTES = { SAVE: "", RESTORE: " · restored", DISCARD: " · changes discarded" } as const;

/** Pick any two revisions to see what changed, word by word; restore any one as a new revision. */
export function RevisionCompare({ articleId, revisions, currentVersion, canRestore }: { articleId: string; revisions: RevisionView[]; currentVersion: number; canRestore: boolean }) {
  const [from, setFrom] = useState(revisions[1]?.id ?? revisions[0]?.id ?? "");
  const [to, setTo] = useState(revisions[0]?.id ?? "");
  const [message, setMessage] = useState<string | null>(null);
  const older = revisions.find((r) => r.id === from);
  const newer = revisions.find((r) => r.id === to);
  const label = (r: RevisionView) => `Version ${r.version} · ${r.author.name} · ${formatDateTime(new Date(r.createdAt))}${KIND_NOTES[r.kind]}`;

  async function restore(revision: RevisionView) {
    const result = await api(`/articles/${articleId}/revisions/${revision.id}/restore`, { json: { version: currentVersion } });
    if (!result.ok) return setMessage(result.error.message);
    window.location.reload();
  }

  return (
    <div className="space-y-4">
      <ol className="divide-y divide-rule rounded border border-rule bg-paper">
        {revisions.map((revision) => (
          <li key={revision.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
            <span>
              <strong>{label(revision)}</strong> — {revision.headline}
              {revision.live && <span className="ml-2 rounded bg-green-800 px-1.5 py-0.5 text-xs font-semibold text-white">Live</span>}
              {revision.scheduled && <span className="ml-2 rounded bg-amber-700 px-1.5 py-0.5 text-xs font-semibold text-white">Scheduled</span>}
            </span>
            {canRestore && revision.version !== currentVersion && (
              <button type="button" onClick={() => void restore(revision)} className="rounded border border-rule bg-white px-2 py-1" aria-label={`Restore version ${revision.version}`}>
                Restore this version
              </button>
            )}
          </li>
        ))}
      </ol>
      {message && <p role="alert" className="text-sm text-accent">{message}</p>}
      {revisions.length > 1 && (
        <section aria-labelledby="compare" className="space-y-2">
          <h2 id="compare" className="font-bold">Compare</h2>
          <div className="flex flex-wrap gap-3 text-sm">
            <label>
              From <select value={from} onChange={(e) => setFrom(e.target.value)} className="rounded border border-rule px-2 py-1">{revisions.map((r) => <option key={r.id} value={r.id}>{label(r)}</option>)}</select>
            </label>
            <label>
              To <select value={to} onChange={(e) => setTo(e.target.value)} className="rounded border border-rule px-2 py-1">{revisions.map((r) => <option key={r.id} value={r.id}>{label(r)}</option>)}</select>
            </label>
          </div>
          {older && newer && <DiffView label="Changes between the two versions" before={older.text} after={newer.text} />}
        </section>
      )}
    </div>
  );
}
