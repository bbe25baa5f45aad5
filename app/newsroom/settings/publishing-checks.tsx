"use client";

import { useRef, useState } from "react";
import { api } from "@/components/editor/api";
import { CHECK_LEVELS, CHECK_NAMES, CHECKS, type CheckLevel, type CheckName } from "@/lib/publishing/checks";
import type { NewsroomSettings } from "@/lib/settings";

const LEVEL_LABELS: Record<CheckLevel, string> = { block: "Block", warn: "Warn", off: "Off" };

/**
 * The newsroom's publishing checks: each rule blocks a publish, warns in the
 * last look, or is off. The same table judges the editor's Publish, the
 * API's and the scheduler's.
 */
export function PublishingChecks({ initial }: { initial: Pick<NewsroomSettings, "checks" | "headlineMax"> }) {
  const [settings, setSettings] = useState(initial);
  const confirmed = useRef(initial);
  const [headlineMax, setHeadlineMax] = useState(String(initial.headlineMax));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(change: { checks?: Partial<Record<CheckName, CheckLevel>>; headlineMax?: number }, said: string) {
    const result = await api<NewsroomSettings>("/settings", { method: "PATCH", json: change });
    if (!result.ok) {
      setSettings(confirmed.current);
      return setMessage({ ok: false, text: result.error.message });
    }
    confirmed.current = { checks: result.data.checks, headlineMax: result.data.headlineMax };
    setSettings(confirmed.current);
    setHeadlineMax(String(result.data.headlineMax));
    setMessage({ ok: true, text: said });
  }

  return (
    <div className="space-y-3 text-sm">
      {CHECK_NAMES.map((name) => (
        <fieldset key={name} className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-rule pt-2 first:border-t-0 first:pt-0">
          <legend className="float-left mr-auto w-full font-semibold sm:w-auto">{CHECKS[name].label}</legend>
          {CHECK_LEVELS.map((level) => (
            <label key={level} className="flex items-center gap-1">
              <input
                type="radio"
                name={`check-${name}`}
                value={level}
                checked={settings.checks[name] === level}
                onChange={() => {
                  // Shown at once (a radio that waits for the server reads as unclicked); the answer confirms or puts it back.
                  setSettings((current) => ({ ...current, checks: { ...current.checks, [name]: level } }));
                  void save({ checks: { [name]: level } }, `${CHECKS[name].label}: ${LEVEL_LABELS[level].toLowerCase()}.`);
                }}
              />
              {LEVEL_LABELS[level]}
            </label>
          ))}
          {name === "headlineLength" && (
            <label className="flex w-full items-center gap-2 text-muted">
              Longest headline
              <input
                type="number"
                inputMode="numeric"
                min={20}
                max={300}
                value={headlineMax}
                onChange={(event) => setHeadlineMax(event.target.value)}
                onBlur={() => {
                  if (Number(headlineMax) !== settings.headlineMax) void save({ headlineMax: Number(headlineMax) }, `Headlines may be up to ${headlineMax} characters.`);
                }}
                className="w-20 rounded border border-rule px-2 py-1 text-ink"
              />
              characters
            </label>
          )}
        </fieldset>
      ))}
      {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-accent"}>{message.text}</p>}
    </div>
  );
}
