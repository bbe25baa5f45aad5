"use client";

import { useEffect, useId, useState } from "react";
import { DayInput } from "@/components/newsroom/date-time-input";
import { readBackDay } from "@/lib/written-time";
import { api } from "./api";

interface Rights {
  id: string;
  rightsExpireOn: string | null;
  rightsLapsed: boolean;
  usageNote: string;
}

const USAGE_NOTE_MAX = 500;

/**
 * A photo's rights beside its texts: the day they expire on and a usage note.
 * They are the photo's, not the story's — saved on their own (PATCH
 * /media/{id}), at once, for every story that shows the photo; the story's
 * autosave never carries them. Named by the photo's id (the hero) or by the
 * address a body photo is shown at. The last look blocks publishing while a
 * photo's rights have lapsed (lib/publishing/checks.ts, photoRights).
 */
export function PhotoRights({ mediaId, src, editable }: { mediaId?: string; src?: string; editable: boolean }) {
  const path = mediaId ? `/media/${encodeURIComponent(mediaId)}` : src ? `/media/lookup?src=${encodeURIComponent(src)}` : null;
  const [rights, setRights] = useState<Rights | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const noteId = useId();

  useEffect(() => {
    let current = true;
    if (path) void api<Rights>(path).then((result) => current && result.ok && setRights(result.data));
    return () => {
      current = false;
    };
  }, [path]);

  if (!path || !rights) return null;
  const state = rights.rightsExpireOn ? (
    <p data-testid="photo-rights-state" className={rights.rightsLapsed ? "font-semibold text-accent" : "text-muted"}>
      {rights.rightsLapsed ? `Rights lapsed on ${readBackDay(rights.rightsExpireOn)}: replace this photo or renew its rights to publish.` : `Rights expire on ${readBackDay(rights.rightsExpireOn)}.`}
    </p>
  ) : null;
  if (!editable) return state && <div className="mt-1 text-xs">{state}{rights.usageNote && <p className="text-muted">Usage: {rights.usageNote}</p>}</div>;

  async function save(form: FormData) {
    setBusy(true);
    const day = String(form.get("rightsExpireOn") ?? "").trim();
    const result = await api<Rights>(`/media/${encodeURIComponent(rights!.id)}`, { method: "PATCH", json: { rightsExpireOn: day || null, usageNote: String(form.get("usageNote") ?? "") } });
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    setRights(result.data);
    setMessage({ ok: true, text: "Photo rights saved." });
  }

  return (
    <form
      aria-label="Photo rights"
      data-testid="photo-rights"
      className="mt-2 space-y-1 border-t border-rule pt-2 text-xs"
      onSubmit={(event) => {
        event.preventDefault();
        void save(new FormData(event.currentTarget));
      }}
    >
      <DayInput label="Rights expire on" labelClassName="block" name="rightsExpireOn" defaultValue={rights.rightsExpireOn ?? ""} className="mt-0.5 block w-full rounded border border-rule px-2 py-1" />
      <label htmlFor={noteId} className="block">Usage note</label>
      <input id={noteId} name="usageNote" defaultValue={rights.usageNote} maxLength={USAGE_NOTE_MAX} className="block w-full rounded border border-rule px-2 py-1" />
      {state}
      <button type="submit" disabled={busy} className="rounded border border-rule bg-white px-2 py-1 font-semibold">{busy ? "Saving…" : "Save photo rights"}</button>
      {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-accent"}>{message.text}</p>}
    </form>
  );
}
