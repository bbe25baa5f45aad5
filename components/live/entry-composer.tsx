"use client";

import type { JSONContent } from "@tiptap/core";
import { useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { BodyEditor } from "@/components/editor/body-editor";
import { LimitedField } from "@/components/editor/limited-field";
import { dropLocalCopy, keepLocalCopy, localCopyText, type LocalCopy } from "@/components/editor/local-copy";
import { FIELD_LIMITS } from "@/lib/content/limits";

export interface EntryDraft {
  title: string;
  body: JSONContent;
  keyEvent: boolean;
  pinned: boolean;
}

const subscribeToNothing = () => () => {};
/** What each draft key held when this page first looked: later typing is not an offer of itself. */
const draftsAtLoad = new Map<string, string | null>();
function keptAtLoad(key: string): string | null {
  if (!draftsAtLoad.has(key)) draftsAtLoad.set(key, localCopyText(key));
  return draftsAtLoad.get(key)!;
}
const forgetKeptAtLoad = (key: string) => draftsAtLoad.set(key, null);

const EMPTY: EntryDraft = { title: "", body: { type: "doc", content: [{ type: "paragraph" }] }, keyEvent: false, pinned: false };

/**
 * Writing an entry: a title, the body (the story editor's, photos and all),
 * the key-event and pin flags. Ctrl+Enter (⌘Enter) sends it. A new entry's
 * draft is kept on this device as it is typed (like the story editor's copy)
 * and offered again after a reload or a crash until it is sent; an edit starts
 * from the entry as posted.
 */
export function EntryComposer({
  draftKey,
  initial,
  mayPin,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  /** where the device keeps the draft of a new entry; none for an edit */
  draftKey?: string;
  initial?: EntryDraft;
  mayPin: boolean;
  submitLabel: string;
  busy: boolean;
  /** resolves true when the server took it (the draft is then dropped and the form cleared) */
  onSubmit: (draft: EntryDraft) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState<EntryDraft>(() => initial ?? EMPTY);
  const [round, setRound] = useState(0); // a new body editor after each sent entry
  // A draft this device kept from before the page loaded (a reload, a crash) is offered back, as the story editor does.
  const keptText = useSyncExternalStore(subscribeToNothing, () => (draftKey ? keptAtLoad(draftKey) : null), () => null);
  const [offerSettled, setOfferSettled] = useState(false);
  const offer = !offerSettled && keptText ? (JSON.parse(keptText) as LocalCopy<EntryDraft>) : null;
  function settleOffer(restore: boolean) {
    if (restore && offer) {
      setDraft(offer.content);
      setRound((n) => n + 1);
    } else if (draftKey) dropLocalCopy(draftKey);
    setOfferSettled(true);
  }

  function change(next: Partial<EntryDraft>) {
    setDraft((current) => {
      const updated = { ...current, ...next };
      if (draftKey) keepLocalCopy(draftKey, updated, 0);
      return updated;
    });
  }

  async function submit() {
    if (busy) return;
    if (await onSubmit(draft)) {
      if (draftKey) {
        dropLocalCopy(draftKey);
        forgetKeptAtLoad(draftKey);
      }
      setOfferSettled(true);
      setDraft(EMPTY);
      setRound((n) => n + 1);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    // Not a <form>: the body's own Image and Link boxes are forms, and a form may not hold another.
    <div role="group" aria-label={draftKey ? "New entry" : "Edit entry"} onKeyDown={onKeyDown} className="space-y-3">
      {offer && (
        <p role="status" className="flex flex-wrap items-center gap-2 rounded bg-amber-50 p-2 text-sm">
          An entry you were writing is kept on this device ({offer.content.title || "untitled"}).
          <button type="button" onClick={() => settleOffer(true)} className="rounded border border-rule bg-white px-2 py-0.5">Restore it</button>
          <button type="button" onClick={() => settleOffer(false)} className="rounded border border-rule bg-white px-2 py-0.5">Discard it</button>
        </p>
      )}
      <LimitedField label="Entry title (optional)" value={draft.title} limit={FIELD_LIMITS.entryTitle} onChange={(title) => change({ title })} kind="wrap" />
      <BodyEditor key={round} label="Entry text" content={draft.body} editable onChange={(body) => change({ body })} />
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={draft.keyEvent} onChange={(event) => change({ keyEvent: event.target.checked })} /> Key event
        </label>
        {mayPin && (
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={draft.pinned} onChange={(event) => change({ pinned: event.target.checked })} /> Pin to the top
          </label>
        )}
        <span className="ml-auto flex gap-2">
          {onCancel && (
            <button type="button" onClick={onCancel} className="rounded border border-rule px-3 py-1.5">
              Cancel
            </button>
          )}
          <button type="button" onClick={() => void submit()} disabled={busy} className="rounded bg-ink px-4 py-1.5 font-semibold text-paper disabled:opacity-60">
            {busy ? "Sending…" : submitLabel}
          </button>
        </span>
      </div>
      <p className="text-xs text-muted">Ctrl+Enter (⌘Enter) sends it.</p>
    </div>
  );
}
