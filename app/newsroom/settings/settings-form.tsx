"use client";

import { useState } from "react";
import { api } from "@/components/editor/api";
import type { NewsroomRules } from "@/lib/policy";

const RULES: { name: keyof NewsroomRules; title: string; explanation: string; on: string; off: string }[] = [
  {
    name: "fourEyes",
    title: "Four-eyes rule",
    explanation: "Nobody may publish, schedule or publish the changes of a story they wrote: a second editor must.",
    on: "Four-eyes rule on.",
    off: "Four-eyes rule off.",
  },
  {
    name: "liveEntriesNeedApproval",
    title: "Live entries need approval",
    explanation: "Reporters' entries on live coverage wait in the story's queue until an editor posts them; editors post at once.",
    on: "Live entries now need approval.",
    off: "Live entries no longer need approval.",
  },
];

/** The newsroom's rules, each a switch an admin turns; every later move and entry is judged by them. */
export function SettingsForm({ initial }: { initial: NewsroomRules }) {
  const [rules, setRules] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function change(name: keyof NewsroomRules, next: boolean) {
    const result = await api<NewsroomRules>("/settings", { method: "PATCH", json: { [name]: next } });
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    setRules(result.data);
    const rule = RULES.find((candidate) => candidate.name === name)!;
    setMessage({ ok: true, text: result.data[name] ? rule.on : rule.off });
  }
  return (
    <div className="space-y-3 rounded border border-rule bg-paper p-4 text-sm">
      {RULES.map((rule) => (
        <label key={rule.name} className="flex items-start gap-3">
          <input type="checkbox" checked={rules[rule.name]} onChange={(e) => void change(rule.name, e.target.checked)} className="mt-1" />
          <span>
            <span className="font-semibold">{rule.title}</span>
            <span className="block text-muted">{rule.explanation}</span>
          </span>
        </label>
      ))}
      {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-accent"}>{message.text}</p>}
    </div>
  );
}
