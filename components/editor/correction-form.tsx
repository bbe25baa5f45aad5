"use client";

import { useState } from "react";
import { formatDateTime } from "@/lib/format";
import { api } from "./api";

type Kind = "CORRECTION" | "CLARIFICATION" | "UPDATE";
const KINDS: Record<Kind, string> = { CORRECTION: "Correction", CLARIFICATION: "Clarification", UPDATE: "Update" };

interface Correction {
  id: string;
  kind: Kind;
  note: string;
  publishedAt: string | Date | null;
}

/**
 * Editors add a correction, clarification or update to a live story. It is
 * public at once, or with the next publish when the story has unpublished
 * changes (it belongs to them).
 */
export function CorrectionForm({ articleId, corrections }: { articleId: string; corrections: Correction[] }) {
  const [list, setList] = useState(corrections);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="space-y-2 rounded border border-rule bg-white p-3 text-sm"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const result = await api<Correction>(`/articles/${articleId}/corrections`, { json: { kind: data.get("kind"), note: data.get("note") } });
        if (!result.ok) return setMessage({ ok: false, text: result.error.message });
        setList([...list, result.data]);
        setMessage({ ok: true, text: result.data.publishedAt ? "Added; readers see it now." : "Added; it goes public when these changes are published." });
        form.reset();
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
        <select name="kind" defaultValue="CORRECTION" className="mt-1 block rounded border border-rule px-2 py-1">
          {Object.entries(KINDS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label className="block">
        <span className="font-semibold">Correction note</span>
        <textarea name="note" required rows={2} className="mt-1 block w-full rounded border border-rule px-2 py-1" />
      </label>
      <button type="submit" className="rounded border border-rule px-3 py-1">Add correction</button>
      {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-accent"}>{message.text}</p>}
    </form>
  );
}
