"use client";

import { useState } from "react";
import { DateTimeInput } from "@/components/newsroom/date-time-input";
import { formatDateTime, newsroomTimeZone } from "@/lib/format";
import type { EditorArticle } from "@/lib/articles";
import { api } from "./api";

type Story = Pick<EditorArticle, "id" | "version" | "embargoUntil" | "maySetEmbargo" | "mayLiftEmbargo" | "legalReview">;

/**
 * The desk's facts about a story that are not its words: an embargo (nothing
 * public shows the story before it; Publish schedules for its end) and a
 * request for legal review (the publishing check wants the version going out
 * cleared). Each change is its own request and a line in history; the story
 * is read again after it.
 */
export function EmbargoAndLegal({ story, ready, onChanged }: { story: Story; ready: boolean; onChanged: () => Promise<unknown> }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [lifting, setLifting] = useState(false);
  const [busy, setBusy] = useState(false);
  const embargo = story.embargoUntil ? new Date(story.embargoUntil) : null;
  const legal = story.legalReview;

  async function send(path: string, json: unknown, said: string, method = "POST") {
    setBusy(true);
    const result = await api(path, { method, json });
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    setMessage({ ok: true, text: said });
    setLifting(false);
    await onChanged();
  }

  const clearedNow = legal.cleared?.version === story.version;
  return (
    // Disabled until the page has hydrated: a time typed before would be lost.
    <fieldset disabled={!ready} className="space-y-2 rounded border border-rule p-3">
      <legend className="px-1 font-semibold">Embargo and legal</legend>
      {embargo ? (
        <p data-testid="embargo-state" className="font-semibold text-accent">Embargoed until {formatDateTime(embargo)}</p>
      ) : (
        <p data-testid="embargo-state" className="text-muted">No embargo.</p>
      )}
      {story.maySetEmbargo && (
        <form
          className="space-y-1"
          onSubmit={(event) => {
            event.preventDefault();
            const until = String(new FormData(event.currentTarget).get("embargoUntil") ?? "");
            void send(`/articles/${story.id}`, { embargoUntil: until }, "Embargo set: Publish now schedules the story for its end.", "PATCH");
          }}
        >
          <DateTimeInput label={`${embargo ? "Move the embargo later" : "Embargoed until"} (${newsroomTimeZone()})`} name="embargoUntil" required className="mt-1 block w-full rounded border border-rule px-2 py-1" />
          <button type="submit" disabled={busy} className="rounded border border-rule bg-white px-2 py-1 text-xs font-semibold">{embargo ? "Move embargo" : "Set embargo"}</button>
        </form>
      )}
      {embargo && story.mayLiftEmbargo && !lifting && (
        <button type="button" onClick={() => setLifting(true)} className="text-xs text-accent underline">Lift embargo early…</button>
      )}
      {lifting && (
        <form
          aria-label="Lift embargo early"
          className="space-y-1"
          onKeyDown={(event) => event.key === "Escape" && setLifting(false)}
          onSubmit={(event) => {
            event.preventDefault();
            const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
            void send(`/articles/${story.id}/embargo/lift`, { reason }, "Embargo lifted; the reason is in the history.");
          }}
        >
          <label className="block">
            Why is it lifted early?
            <textarea name="reason" required rows={2} autoFocus className="mt-1 block w-full rounded border border-rule px-2 py-1" />
          </label>
          <div className="flex gap-2">
            <button type="submit" disabled={busy} className="rounded bg-ink px-2 py-1 text-xs font-semibold text-paper">Lift embargo</button>
            <button type="button" onClick={() => setLifting(false)} className="rounded border border-rule px-2 py-1 text-xs">Cancel</button>
          </div>
        </form>
      )}
      <label className="flex items-start gap-2 border-t border-rule pt-2">
        <input
          type="checkbox"
          checked={legal.needed}
          disabled={busy || !(legal.needed ? legal.mayUnmark : legal.mayMark)}
          onChange={(event) => void send(`/articles/${story.id}`, { needsLegalReview: event.target.checked }, event.target.checked ? "Marked for legal review." : "No longer marked for legal review.", "PATCH")}
          className="mt-1"
        />
        <span>Needs legal review</span>
      </label>
      {legal.needed && (
        <p data-testid="legal-state" className={clearedNow ? "text-green-800" : "text-muted"}>
          {legal.cleared
            ? clearedNow
              ? `Cleared by ${legal.cleared.by ?? "a reviewer"} (this version).`
              : `Cleared version ${legal.cleared.version} by ${legal.cleared.by ?? "a reviewer"}; changed since — needs another look.`
            : "Not cleared yet."}
        </p>
      )}
      {legal.needed && legal.mayClear && !clearedNow && (
        <button type="button" disabled={busy} onClick={() => void send(`/articles/${story.id}/legal-review/clear`, { version: story.version }, `Cleared version ${story.version}.`)} className="rounded border border-rule bg-white px-2 py-1 text-xs font-semibold">
          Clear version {story.version} for publishing
        </button>
      )}
      {message && <p role={message.ok ? "status" : "alert"} className={`text-xs ${message.ok ? "text-green-800" : "text-accent"}`}>{message.text}</p>}
    </fieldset>
  );
}
