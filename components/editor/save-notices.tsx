"use client";

import type { JSONContent } from "@tiptap/core";
import { useState } from "react";
import { comparableText, DiffView } from "@/components/diff-view";
import { SignInForm } from "@/components/sign-in-form";
import type { EditorArticle } from "@/lib/articles";
import { plainText } from "@/lib/content/document";
import { formatDateTime } from "@/lib/format";
import { api } from "./api";
import type { LocalCopy } from "./local-copy";
import { snapshotText, type Conflict, type Snapshot } from "./save-queue";

/*
 * What the editor says when the server does not have someone's work: a copy
 * this device kept, a session that ended, a save someone else beat. Each
 * offers the ways out and says that nothing was lost or overwritten.
 */

/** Work this device kept and the server never got, offered back with what it changes. */
export function LocalCopyOffer({ offer, onScreen, version, onRestore, onDiscard }: { offer: LocalCopy<Snapshot>; onScreen: Snapshot; version: number | null; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded border-2 border-amber-600 bg-amber-50 p-4">
      <p>
        This device kept changes to this story that the server never got (from {formatDateTime(new Date(offer.keptAt))}).
        {version !== null && offer.baseVersion !== version && ` The story has been saved since (version ${version}); restoring puts your text on top of it.`}
      </p>
      <DiffView label="The saved story compared with the copy on this device" before={snapshotText(onScreen)} after={snapshotText(offer.content)} />
      <div className="flex gap-2">
        <button type="button" onClick={onRestore} className="rounded bg-ink px-3 py-1 text-sm font-semibold text-paper">
          Restore my changes
        </button>
        <button type="button" onClick={onDiscard} className="rounded border border-rule bg-white px-3 py-1 text-sm">
          Discard them
        </button>
      </div>
    </div>
  );
}

/** A session that ended mid-story: sign in over the editor, and the save goes on. */
export function SignInAgain({ onSignedIn }: { onSignedIn: () => void }) {
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="sign-in-again" className="fixed inset-0 z-50 grid place-items-center bg-black/40 p-4">
      <div className="w-full max-w-sm rounded bg-paper p-6 shadow-lg">
        <h2 id="sign-in-again" className="font-serif text-xl font-bold">Sign in to keep working</h2>
        <p className="mt-1 text-sm">Your session ended. Nothing you typed is lost: it is kept on this device and saved as soon as you are signed in.</p>
        <SignInForm onSignedIn={onSignedIn} />
      </div>
    </div>
  );
}

const textOf = (story: { headline: string; standfirst: string; body: JSONContent }) => comparableText({ headline: story.headline, standfirst: story.standfirst, bodyText: plainText(story.body) });

/** Someone else saved first: reload theirs, compare, keep mine over theirs, or copy my text out. */
export function ClashNotice({ storyId, conflict, mine, onReload, onKeepMine }: { storyId: string; conflict: Conflict; mine: Snapshot; onReload: () => void; onKeepMine: () => void }) {
  const [theirs, setTheirs] = useState<EditorArticle | null>(null);
  const myText = textOf({ ...mine.fields, body: mine.body });
  async function compare() {
    const result = await api<EditorArticle>(`/articles/${storyId}`);
    if (result.ok) setTheirs(result.data);
  }
  return (
    <div role="alert" className="space-y-3 rounded border-2 border-accent bg-red-50 p-4">
      <p>
        <strong>{conflict.updatedBy ?? "Someone else"}</strong> saved this article at {formatDateTime(new Date(conflict.updatedAt))}. Your changes are
        not saved; nothing was overwritten.
      </p>
      <div className="flex gap-2">
        <button type="button" onClick={onReload} className="rounded bg-ink px-3 py-1 text-sm font-semibold text-paper">
          Reload their version
        </button>
        <button type="button" onClick={() => void compare()} className="rounded border border-rule bg-white px-3 py-1 text-sm">
          Compare
        </button>
        <button type="button" onClick={onKeepMine} className="rounded border border-rule bg-white px-3 py-1 text-sm">
          Keep mine (save it over theirs)
        </button>
        <button type="button" onClick={() => void navigator.clipboard.writeText(myText)} className="rounded border border-rule bg-white px-3 py-1 text-sm">
          Copy my text
        </button>
      </div>
      {theirs && <DiffView label="Their version compared with yours" before={textOf({ ...theirs, body: theirs.body as JSONContent })} after={myText} />}
    </div>
  );
}
