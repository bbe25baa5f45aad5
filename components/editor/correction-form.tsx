"use client";

import { useId, useState } from "react";
import { formatDateTime } from "@/lib/format";
import { api } from "./api";

type Kind = "CORRECTION" | "CLARIFICATION" | "UPDATE";
const KINDS: Record<Kind, string> = { CORRECTION: "Correction", CLARIFICATION: "Clarification", UPDATE: "Update" };
/** The form speaks of what is being added: a clarification asks for a "Clarification note", and so on. */
const NOTE_HINTS: Record<Kind, string> = {
  CORRECTION: "What was wrong, and what is right.",
  CLARIFICATION: "What the story now makes clearer.",
  UPDATE: "What has changed since the story was published.",
};
const names = (people: string[]) => new Intl.ListFormat("en-GB", { type: "conjunction" }).format(people);

interface Correction {
  id: string;
  kind: Kind;
  note: string;
  publishedAt: string | Date | null;
}

/**
 * Editors add a correction, clarification or update to a live story. It is
 * public at once, or with the next publish when the story has unpublished
 * changes (it belongs to them). The story's author is told; the form says who.
 * On the live desk it corrects one posted entry, public at once like the entry.
 */
export function CorrectionForm({ articleId, entryId, corrections }: { articleId: string; /** one posted entry of live coverage it corrects */ entryId?: string; corrections: Correction[] }) {
  const [list, setList] = useState(corrections);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [kind, setKind] = useState<Kind>("CORRECTION");
  const hintId = useId(); // the live desk has one form per entry besides the story's own
  const word = KINDS[kind];
  return (
    <form
      className="space-y-2 rounded border border-rule bg-white p-3 text-sm"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const result = await api<Correction & { told?: string[] }>(`/articles/${articleId}/corrections`, { json: { kind: data.get("kind"), note: data.get("note"), ...(entryId && { entryId }) } });
        if (!result.ok) return setMessage({ ok: false, text: result.error.message });
        const { told = [], ...added } = result.data;
        setList([...list, added]);
        const when = added.publishedAt ? "readers see it now" : "it goes public when these changes are published";
        setMessage({ ok: true, text: `${KINDS[added.kind]} added; ${when}.${told.length > 0 ? ` Told ${names(told)}.` : ""}` });
        form.reset();
        setKind("CORRECTION");
      }}
    >
      {list.length > 0 && (
        <ul className="space-y-1">
          {list.map((c) => (
            <li key={c.id}>
              <strong>{KINDS[c.kind]}</strong> {c.publishedAt ? `(public since ${formatDateTime(new Date(c.publishedAt))})` : "(goes public with the next publish)"}: {c.note}
            </li>
          ))}
        </ul>
      )}
      <label className="block">
        <span className="font-semibold">Kind</span>
        <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)} className="mt-1 block rounded border border-rule px-2 py-1">
          {Object.entries(KINDS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label className="block">
        <span className="font-semibold">{word} note</span>
        <textarea name="note" required rows={2} aria-describedby={hintId} className="mt-1 block w-full rounded border border-rule px-2 py-1" />
      </label>
      <p id={hintId} className="text-xs text-muted">{NOTE_HINTS[kind]}</p>
      <button type="submit" className="rounded border border-rule px-3 py-1">Add {word.toLowerCase()}</button>
      {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-accent"}>{message.text}</p>}
    </form>
  );
}
