"use client";

import { useState } from "react";
import { api } from "./api";

/** Editors append a correction note to a published story; readers see it in a box on the article. */
export function CorrectionForm({ articleId }: { articleId: string }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="space-y-2 rounded border border-rule bg-white p-3 text-sm"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const result = await api(`/articles/${articleId}/corrections`, { json: { note: new FormData(form).get("note") } });
        setMessage(result.ok ? { ok: true, text: "Correction added; readers see it now." } : { ok: false, text: result.error.message });
        if (result.ok) form.reset();
      }}
    >
      <label className="block">
        <span className="font-semibold">Correction note</span>
        <textarea name="note" required rows={2} className="mt-1 block w-full rounded border border-rule px-2 py-1" />
      </label>
      <button type="submit" className="rounded border border-rule px-3 py-1">Add correction</button>
      {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-accent"}>{message.text}</p>}
    </form>
  );
}
