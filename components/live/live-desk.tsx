"use client";

import { useCallback, useEffect, useState } from "react";
import { api } from "@/components/editor/api";
import { usePresence } from "@/components/editor/use-presence";
import { plainText, figureSources } from "@/lib/content/document";
import { formatDateTime, formatTime } from "@/lib/format";
import type { EditorArticle } from "@/lib/articles";
import type { listEntries } from "@/lib/live/list-entries";
import { CorrectionForm } from "@/components/editor/correction-form";
import { EntryComposer, type EntryDraft } from "./entry-composer";

export type DeskEntry = Awaited<ReturnType<typeof listEntries>>[number];

/** How often the desk looks for what the others posted (and for the queue). */
const DESK_REFRESH_MS = 10_000;

/**
 * The live desk: the composer on top, the entries waiting for approval, the
 * posted entries newest first with what this person may do to each, and who
 * else is at the desk. Every button is an API call the server checks again;
 * the desk only shows what the story's rights (article.liveDesk) allow.
 */
export function LiveDesk({ article, initial }: { article: EditorArticle; initial: DeskEntry[] }) {
  const rights = article.liveDesk!;
  const [entries, setEntries] = useState(initial);
  const [coverage, setCoverage] = useState(article.coverage);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const others = usePresence(article.id);
  const base = `/articles/${article.id}`;

  const reload = useCallback(async () => {
    const result = await api<{ entries: DeskEntry[] }>(`${base}/entries`, { method: "GET" });
    if (result.ok) setEntries(result.data.entries);
  }, [base]);
  useEffect(() => {
    const timer = setInterval(() => void reload(), DESK_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  /** One call, its answer said in words, then the list as the server now has it. */
  async function act(call: () => ReturnType<typeof api<unknown>>, done: string): Promise<boolean> {
    setBusy(true);
    const result = await call();
    setBusy(false);
    setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error.message });
    await reload();
    return result.ok;
  }

  const post = (draft: EntryDraft) =>
    act(() => api(`${base}/entries`, { json: draft }), rights.posts === "queue" ? "Sent: it waits for an editor to post it." : coverage ? "Posted: readers have it." : "Posted: readers get it when the story is published.");

  async function setRunning(running: boolean) {
    setBusy(true);
    const result = await api<{ coverage: EditorArticle["coverage"] }>(`${base}/coverage`, { json: { running } });
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    setCoverage(result.data.coverage);
    setMessage({ ok: true, text: running ? "Live coverage resumed." : "Live coverage ended: readers no longer see it as live." });
  }

  const pending = entries.filter((entry) => entry.status === "PENDING");
  const posted = entries.filter((entry) => entry.status === "POSTED");
  return (
    <section aria-labelledby="live-desk" className="space-y-5 rounded border border-rule bg-paper p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="live-desk" className="text-xl font-bold">Live desk</h2>
        <p className="text-sm text-muted">
          {coverage === null
            ? "Not published yet: entries posted now go out with the story."
            : coverage.running
              ? `Live since ${formatDateTime(new Date(coverage.startedAt))}`
              : `Ended ${formatDateTime(new Date(coverage.endedAt!))}`}
        </p>
        {rights.mayEndCoverage && coverage?.running && (
          <button type="button" disabled={busy} onClick={() => void setRunning(false)} className="rounded border border-accent px-3 py-1.5 text-sm font-semibold text-accent">
            End live coverage
          </button>
        )}
        {rights.mayResumeCoverage && coverage && !coverage.running && (
          <button type="button" disabled={busy} onClick={() => void setRunning(true)} className="rounded border border-rule px-3 py-1.5 text-sm">
            Resume live coverage
          </button>
        )}
      </div>
      {others.length > 0 && <p className="text-sm">Also at the desk: {others.map((person) => person.name).join(", ")}</p>}
      {message && <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-800" : "text-accent"}`}>{message.text}</p>}
      {rights.posts && (!coverage || coverage.running) && (
        <EntryComposer draftKey={`entry:${article.id}`} mayPin={rights.mayPin} submitLabel={rights.posts === "queue" ? "Send for approval" : "Post"} busy={busy} onSubmit={post} />
      )}
      {pending.length > 0 && (
        <section aria-labelledby="entry-queue">
          <h3 id="entry-queue" className="font-bold">Waiting for approval ({pending.length})</h3>
          <ol className="mt-2 divide-y divide-rule rounded border border-rule bg-white">
            {pending.map((entry) => (
              <DeskRow key={entry.id} articleId={article.id} entry={entry} rights={rights} busy={busy} act={act} />
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="entries-posted">
        <h3 id="entries-posted" className="font-bold">Posted ({posted.length})</h3>
        {posted.length === 0 ? (
          <p className="mt-2 text-sm text-muted">Nothing posted yet.</p>
        ) : (
          <ol className="mt-2 divide-y divide-rule rounded border border-rule bg-white">
            {posted.map((entry) => (
              <DeskRow key={entry.id} articleId={article.id} entry={entry} rights={rights} busy={busy} act={act} />
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}

type Rights = NonNullable<EditorArticle["liveDesk"]>;
type Act = (call: () => ReturnType<typeof api<unknown>>, done: string) => Promise<boolean>;

/** An entry on the desk: what it says, and edit / key event / pin / delete (approve while it waits), as far as this person may. */
function DeskRow({ articleId, entry, rights, busy, act }: { articleId: string; entry: DeskEntry; rights: Rights; busy: boolean; act: Act }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const path = `/articles/${articleId}/entries/${entry.id}`;
  const waiting = entry.status === "PENDING";
  // A writer changes only their entries still waiting while approval is on (the server holds the same line).
  const mayChange = waiting ? rights.posts !== null || rights.mayApprove : rights.mayChangePosted;
  const mayDelete = waiting ? rights.posts !== null || rights.mayApprove : rights.mayDeletePosted;
  const photos = figureSources(entry.body).length;
  const label = entry.title || plainText(entry.body).trim().slice(0, 80) || "Photo";
  const change = (fields: Partial<EntryDraft>, done: string) => act(() => api(path, { method: "PATCH", json: { version: entry.version, ...fields } }), done);

  return (
    <li data-entry-row={entry.id} className="space-y-2 p-3 text-sm">
      <p className="flex flex-wrap items-center gap-x-3 text-muted">
        <span className="font-bold text-ink">{entry.postedAt ? formatTime(new Date(entry.postedAt)) : `sent ${formatTime(new Date(entry.createdAt))}`}</span>
        {entry.keyEvent && <span className="font-bold text-accent uppercase">Key event</span>}
        {entry.pinned && <span className="font-bold uppercase">Pinned</span>}
        <span>{entry.authors.map((author) => author.name).join(", ")}</span>
        {entry.editedAt && <span>Updated {formatTime(new Date(entry.editedAt))}</span>}
      </p>
      {editing ? (
        <EntryComposer
          initial={{ title: entry.title, body: entry.body, keyEvent: entry.keyEvent, pinned: entry.pinned }}
          mayPin={rights.mayPin}
          submitLabel="Save entry"
          busy={busy}
          onCancel={() => setEditing(false)}
          onSubmit={async (draft) => {
            const fields = rights.mayPin ? draft : { title: draft.title, body: draft.body, keyEvent: draft.keyEvent };
            const ok = await change(fields, waiting ? "Entry saved." : "Entry updated: readers have the new version.");
            if (ok) setEditing(false);
            return ok;
          }}
        />
      ) : (
        <>
          {entry.title && <p className="font-serif text-base font-bold">{entry.title}</p>}
          <p className="font-serif text-base whitespace-pre-wrap">{plainText(entry.body).trim()}</p>
          {photos > 0 && <p className="text-muted">{photos === 1 ? "1 photo" : `${photos} photos`}</p>}
        </>
      )}
      {!editing && (
        <div className="flex flex-wrap gap-2" role="group" aria-label={`Entry: ${label}`}>
          {waiting && rights.mayApprove && (
            <button type="button" disabled={busy} onClick={() => void act(() => api(`${path}/approve`, { method: "POST" }), "Posted: readers have it.")} className="rounded bg-ink px-3 py-1 font-semibold text-paper">
              Post it
            </button>
          )}
          {mayChange && (
            <button type="button" disabled={busy} onClick={() => setEditing(true)} className="rounded border border-rule px-3 py-1">
              Edit
            </button>
          )}
          {mayChange && (
            <button type="button" disabled={busy} aria-pressed={entry.keyEvent} onClick={() => void change({ keyEvent: !entry.keyEvent }, entry.keyEvent ? "No longer a key event." : "Marked a key event.")} className="rounded border border-rule px-3 py-1">
              Key event
            </button>
          )}
          {rights.mayPin && (
            <button type="button" disabled={busy} aria-pressed={entry.pinned} onClick={() => void change({ pinned: !entry.pinned }, entry.pinned ? "Unpinned." : "Pinned to the top.")} className="rounded border border-rule px-3 py-1">
              {entry.pinned ? "Unpin" : "Pin"}
            </button>
          )}
          {rights.mayCorrect && !waiting && (
            <button type="button" aria-expanded={correcting} onClick={() => setCorrecting(!correcting)} className="rounded border border-rule px-3 py-1">
              Correct
            </button>
          )}
          {mayDelete && !deleting && (
            <button type="button" disabled={busy} onClick={() => setDeleting(true)} className="rounded border border-accent px-3 py-1 text-accent">
              Delete
            </button>
          )}
        </div>
      )}
      {correcting && <CorrectionForm articleId={articleId} entryId={entry.id} corrections={[]} />}
      {deleting && (
        <form
          aria-label="Delete entry"
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
            void act(() => api(path, { method: "DELETE", json: { reason } }), "Deleted: readers no longer see it; history keeps it.").then((ok) => ok && setDeleting(false));
          }}
        >
          <label className="grow">
            Why it goes (kept in history)
            <input name="reason" required maxLength={500} className="block w-full rounded border border-rule px-2 py-1" />
          </label>
          <button type="submit" disabled={busy} className="rounded bg-accent px-3 py-1 font-semibold text-white">
            Delete entry
          </button>
          <button type="button" onClick={() => setDeleting(false)} className="rounded border border-rule px-3 py-1">
            Keep it
          </button>
        </form>
      )}
    </li>
  );
}
