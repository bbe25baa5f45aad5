"use client";

import { useState } from "react";
import { api } from "@/components/editor/api";

/** The four-eyes rule: when on, nobody publishes, schedules or publishes the changes of a story they wrote. */
export function SettingsForm({ initial }: { initial: { fourEyes: boolean } }) {
  const [fourEyes, setFourEyes] = useState(initial.fourEyes);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function change(next: boolean) {
    const result = await api<{ fourEyes: boolean }>("/settings", { method: "PATCH", json: { fourEyes: next } });
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    setFourEyes(result.data.fourEyes);
    setMessage({ ok: true, text: result.data.fourEyes ? "Four-eyes rule on." : "Four-eyes rule off." });
  }
  return (
    <div className="space-y-2 rounded border border-rule bg-paper p-4 text-sm">
      <label className="flex items-start gap-3">
        <input type="checkbox" checked={fourEyes} onChange={(e) => void change(e.target.checked)} className="mt-1" />
        <span>
          <span className="font-semibold">Four-eyes rule</span>
          <span className="block text-muted">Nobody may publish, schedule or publish the changes of a story they wrote: a second editor must.</span>
        </span>
      </label>
      {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-accent"}>{message.text}</p>}
    </div>
  );
}
