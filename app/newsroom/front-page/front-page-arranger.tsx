"use client";

import { useState } from "react";
import { api } from "@/components/editor/api";
import type { FrontPagePlan, FrontPageStory } from "@/lib/articles";

const SLOT_NAMES = ["Lead", "Second", "Third", "Fourth", "Fifth"];

export function FrontPageArranger({ initial }: { initial: FrontPagePlan }) {
  const [saved, setSaved] = useState(initial);
  const [pinned, setPinned] = useState<FrontPageStory[]>(initial.pinned);
  const [choice, setChoice] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const unchanged = pinned.map((story) => story.id).join() === saved.pinned.map((story) => story.id).join();
  const pinnable = saved.candidates.filter((story) => !pinned.some((pin) => pin.id === story.id));

  const moveBy = (index: number, by: -1 | 1) =>
    setPinned((current) => {
      const next = [...current];
      [next[index], next[index + by]] = [next[index + by]!, next[index]!];
      return next;
    });

  async function save() {
    setBusy(true);
    const result = await api<FrontPagePlan>("/front-page", { method: "PUT", json: { articleIds: pinned.map((story) => story.id) } });
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    setSaved(result.data);
    setPinned(result.data.pinned);
    setMessage({ ok: true, text: result.data.pinned.length ? "Saved: readers now get this order." : "Saved: the front page is newest first." });
  }

  return (
    <div className="space-y-4">
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`rounded border p-3 text-sm ${message.ok ? "border-green-700 bg-green-50" : "border-accent bg-red-50 text-accent"}`}>
          {message.text}
        </p>
      )}
      <ol aria-label="Pinned stories" className="space-y-2">
        {pinned.map((story, index) => (
          <li key={story.id} className="flex items-center gap-3 rounded border border-rule bg-white p-3">
            <span className="w-16 text-xs font-semibold uppercase text-muted">{SLOT_NAMES[index]}</span>
            <span className="flex-1 font-serif">{story.headline}</span>
            <button type="button" disabled={index === 0} onClick={() => moveBy(index, -1)} aria-label={`Move “${story.headline}” up`} className="rounded border border-rule px-2 text-sm disabled:opacity-40">
              ↑
            </button>
            <button type="button" disabled={index === pinned.length - 1} onClick={() => moveBy(index, 1)} aria-label={`Move “${story.headline}” down`} className="rounded border border-rule px-2 text-sm disabled:opacity-40">
              ↓
            </button>
            <button type="button" onClick={() => setPinned((current) => current.filter((pin) => pin.id !== story.id))} className="text-sm text-accent underline">
              Unpin
            </button>
          </li>
        ))}
        {pinned.length === 0 && <li className="text-sm text-muted">Nothing pinned: the newest story leads.</li>}
      </ol>
      {pinned.length < saved.maxSlots && (
        <div className="flex items-end gap-2">
          <label className="flex-1 text-sm">
            <span className="font-semibold">Pin a published story</span>
            <select value={choice} onChange={(event) => setChoice(event.target.value)} className="mt-1 w-full rounded border border-rule bg-white px-3 py-2">
              <option value="">Choose a story…</option>
              {pinnable.map((story) => <option key={story.id} value={story.id}>{story.headline}</option>)}
            </select>
          </label>
          <button
            type="button"
            disabled={!choice}
            onClick={() => {
              const story = pinnable.find((candidate) => candidate.id === choice);
              if (story) setPinned((current) => [...current, story]);
              setChoice("");
            }}
            className="rounded border border-rule bg-white px-3 py-2 text-sm"
          >
            Pin
          </button>
        </div>
      )}
      <button type="button" disabled={busy || unchanged} onClick={() => void save()} className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper disabled:opacity-50">
        Save front page
      </button>
    </div>
  );
}
