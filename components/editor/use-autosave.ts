"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { api } from "./api";
import { guardLeaving, heldNavigation, readyToLeave } from "./leave-guard";
import { dropLocalCopy, keepLocalCopy, NEW_STORY, readLocalCopy, type LocalCopy } from "./local-copy";
import {
  acknowledge,
  changedFields,
  initialQueue,
  nextQueue,
  payload,
  sameWork,
  unsavedWork,
  type Acknowledged,
  type KeptBack,
  type Payload,
  type SaveEvent,
  type Snapshot,
} from "./save-queue";

const AUTOSAVE_DELAY_MS = 1_000;

export interface SaveAnswer {
  id: string;
  version: number;
  slug: string;
  invalid?: KeptBack[];
}

const storyPath = (id: string | null) => (id ? `/api/v1/newsroom/articles/${id}` : "/api/v1/newsroom/articles");
const savedBody = (id: string | null, version: number, changed: Partial<Payload>) => (id ? { version, ...changed } : changed);

interface Options {
  /** the story as the server last gave it; null for a story not yet created */
  story: { id: string; version: number; updatedAt: Date | string } | null;
  /** what the page opened with */
  opened: Snapshot;
  /** false until the page is interactive, and for someone who may only read */
  canEdit: boolean;
  /** after each acknowledged save; `created` when it made the story */
  onSaved: (answer: SaveAnswer, created: boolean) => Promise<unknown> | void;
  /** a refusal's message for the page to show, or null once a save went through */
  onProblem: (message: string | null) => void;
}

/**
 * The editor's autosave, around the pure queue (save-queue.ts): every change
 * is kept on this device at once and saved a moment later, one save at a
 * time, compare-and-set on the version shown, sending only the fields the
 * server does not have. A save the server cannot take is retried; leaving
 * waits for it, or asks; closing the tab sends what it can; work this device
 * kept and the server never got is offered back when the story opens.
 */
export function useAutosave({ story, opened, canEdit, onSaved, onProblem }: Options) {
  const router = useRouter();
  const [queue, setQueue] = useState(() => initialQueue(story ? new Date(story.updatedAt) : null));
  const [keptHere, setKeptHere] = useState(true);
  const [offer, setOffer] = useState<LocalCopy<Snapshot> | null>(null);

  // The save machinery reads refs, never render-time state: a save started by a timer, a link or a closing tab sends what is on screen now.
  const queueRef = useRef(queue);
  const latest = useRef(opened);
  const articleId = useRef(story?.id ?? null);
  const version = useRef(story?.version ?? 0);
  const acknowledged = useRef<Acknowledged>(story ? payload(opened) : null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const callbacks = useRef({ onSaved, onProblem });
  useEffect(() => {
    callbacks.current = { onSaved, onProblem };
  });

  const dispatch = (event: SaveEvent) => {
    queueRef.current = nextQueue(queueRef.current, event);
    setQueue(queueRef.current);
  };
  const storyKey = () => articleId.current ?? NEW_STORY;
  // A field the server kept back is work it does not have: leaving asks, as for any unsaved change.
  const hasPendingWork = () => unsavedWork(queueRef.current) || inFlight.current !== null;

  function record(next: Snapshot) {
    latest.current = next;
    setKeptHere(keepLocalCopy(storyKey(), next, version.current));
    dispatch({ type: "edited" });
  }

  /** After an acknowledgement: the device copy goes once the server has everything, and stays (rewritten) while it lacks something. */
  function settleLocalCopy() {
    const { state } = queueRef.current;
    if (state === "saved") dropLocalCopy(storyKey());
    else if (state === "partly_saved") setKeptHere(keepLocalCopy(storyKey(), latest.current, version.current));
    else keepLocalCopy(storyKey(), latest.current, version.current);
  }

  /** One compare-and-set save of what is on screen (the first one creates the draft). */
  async function sendSave(): Promise<boolean> {
    const editsAtStart = queueRef.current.edits;
    const id = articleId.current;
    const changed = changedFields(payload(latest.current), acknowledged.current);
    if (id && Object.keys(changed).length === 0) {
      // Typed and undone: the server has what is on screen already, and an empty save would still make a revision.
      dispatch({ type: "acknowledged", edits: editsAtStart, keptBack: [], at: queueRef.current.savedAt ?? new Date() });
      settleLocalCopy();
      return true;
    }
    dispatch({ type: "sending" });
    const result = id
      ? await api<SaveAnswer>(`/articles/${id}`, { method: "PATCH", json: savedBody(id, version.current, changed) })
      : await api<SaveAnswer>("/articles", { json: changed });
    if (!result.ok) {
      const clash = result.error.code === "conflict" && result.error.details.currentVersion !== undefined;
      // What the version that won holds is unknown here: "keep mine" sends every field.
      if (clash) acknowledged.current = null;
      dispatch({ type: "failed", error: result.error });
      if (clash) callbacks.current.onProblem(null);
      else if (queueRef.current.state === "refused") callbacks.current.onProblem(result.error.message);
      return false;
    }
    version.current = result.data.version;
    const keptBack = result.data.invalid ?? [];
    acknowledged.current = acknowledge(acknowledged.current, changed, keptBack);
    if (!id) {
      articleId.current = result.data.id;
      dropLocalCopy(NEW_STORY);
      // The same editor stays mounted (nothing typed meanwhile is lost); the address becomes the story's.
      window.history.replaceState(null, "", `/newsroom/articles/${result.data.id}`);
    }
    callbacks.current.onProblem(null);
    await callbacks.current.onSaved(result.data, !id);
    dispatch({ type: "acknowledged", edits: editsAtStart, keptBack, at: new Date() });
    settleLocalCopy();
    return true;
  }

  /** Saves what is pending, one save at a time; true once the server has everything typed so far. */
  async function saveNow(): Promise<boolean> {
    while (inFlight.current) await inFlight.current;
    if (queueRef.current.edits === queueRef.current.savedEdits) return true;
    const run = sendSave();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }

  /** Saves sent while the page goes away: keepalive lets them finish after it has gone. */
  function sendOnExit() {
    if (queueRef.current.edits === queueRef.current.savedEdits) return;
    const send = () => {
      const id = articleId.current;
      const editsAtSend = queueRef.current.edits;
      const changed = changedFields(payload(latest.current), acknowledged.current);
      if (id && Object.keys(changed).length === 0) return;
      void fetch(storyPath(id), { method: id ? "PATCH" : "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(savedBody(id, version.current, changed)), keepalive: true })
        .then(async (response) => {
          if (!response.ok) return; // the local copy stays and is offered next time
          const saved = (await response.json()) as { id?: string; version: number; invalid?: KeptBack[] };
          articleId.current ??= saved.id ?? null;
          version.current = saved.version;
          acknowledged.current = acknowledge(acknowledged.current, changed, saved.invalid ?? []);
          dispatch({ type: "acknowledged", edits: editsAtSend, keptBack: saved.invalid ?? [], at: new Date() });
          // A field kept back stays on this device, under the story's own key once it has one.
          if (saved.invalid?.length && articleId.current) keepLocalCopy(articleId.current, latest.current, saved.version);
          if (!saved.invalid?.length || (!id && articleId.current)) dropLocalCopy(id ?? NEW_STORY);
        })
        .catch(() => {});
    };
    if (inFlight.current) void inFlight.current.then(send);
    else send();
  }

  const machinery = useRef({ saveNow, sendOnExit });
  useEffect(() => {
    machinery.current = { saveNow, sendOnExit };
  });

  // Autosave a moment after the last change; a new story becomes a draft on its first input.
  const pending = queue.state === "pending" && canEdit;
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => void machinery.current.saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [pending, queue.edits]);

  // A save the server could not take is tried again, later each time, and at once when the connection returns.
  const waiting = queue.state === "retrying" || queue.state === "offline";
  useEffect(() => {
    if (!waiting) return;
    const retry = () => {
      dispatch({ type: "resumed" });
      void machinery.current.saveNow();
    };
    const timer = setTimeout(retry, queueRef.current.retryMs);
    window.addEventListener("online", retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("online", retry);
    };
  }, [waiting, queue.state]);

  // Leaving: in-app links and sign-out wait for the save (or ask); closing the tab asks and sends what it can; Back sends on the way out.
  useEffect(() => {
    const unregister = guardLeaving(async () => {
      if (!hasPendingWork()) return { saved: true };
      if ((await machinery.current.saveNow()) && !hasPendingWork()) return { saved: true };
      return { saved: false, reason: queueRef.current.whyNotSaved || "Your latest changes are not saved yet." };
    });
    const holdLinks = (event: MouseEvent) => {
      if (!hasPendingWork()) return;
      const destination = heldNavigation(event);
      if (!destination) return;
      event.preventDefault();
      event.stopPropagation();
      void readyToLeave().then((leave) => leave && router.push(destination));
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (hasPendingWork()) event.preventDefault();
    };
    const exit = () => machinery.current.sendOnExit();
    document.addEventListener("click", holdLinks, true);
    window.addEventListener("beforeunload", warn);
    window.addEventListener("pagehide", exit);
    return () => {
      unregister();
      document.removeEventListener("click", holdLinks, true);
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("pagehide", exit);
      exit();
    };
  }, [router]);

  // Work this device kept but the server never acknowledged (a crash, a closed tab, a refused save) is offered back.
  useEffect(() => {
    const kept = readLocalCopy<Snapshot>(storyKey());
    if (!kept) return;
    if (sameWork(kept.content, latest.current)) dropLocalCopy(storyKey());
    else setOffer(kept);
  }, []);

  const resume = () => {
    dispatch({ type: "resumed" });
    void saveNow();
  };

  return {
    queue,
    keptHere,
    offer,
    /** what is on screen, as the machinery last recorded it */
    latest: () => latest.current,
    /** the queue now, not as last rendered: for a caller that has just awaited a save */
    current: () => queueRef.current,
    version: () => version.current,
    record,
    saveNow,
    /**
     * The server put other words in the working copy (Discard changes): they
     * become what the server is known to hold, at its new version. Shown,
     * unless something was typed since the move was sent: then the screen
     * stays as it is and its next save goes on top (nothing typed is lost).
     * The only way this editor takes a version it did not save itself — a
     * newer version without its words would overwrite someone's save unseen.
     */
    replaced(next: { version: number; snapshot: Snapshot }): boolean {
      version.current = next.version;
      acknowledged.current = payload(next.snapshot);
      if (queueRef.current.edits !== queueRef.current.savedEdits) return false;
      latest.current = next.snapshot;
      dispatch({ type: "replaced", at: new Date() });
      dropLocalCopy(storyKey());
      return true;
    },
    /** The device copy on offer, taken: it becomes what is on screen, unsaved. */
    restoreOffer(): Snapshot | null {
      if (!offer) return null;
      setOffer(null);
      record(offer.content);
      return offer.content;
    },
    discardOffer() {
      dropLocalCopy(storyKey());
      setOffer(null);
    },
    /** "Keep mine" after a clash: the same compare-and-set save, now naming the version that won (a new clash is told again). */
    keepMine() {
      const conflict = queueRef.current.conflict;
      if (!conflict) return;
      version.current = conflict.currentVersion;
      resume();
    },
    /** "Reload their version": the person chose to let their own changes go, so nothing is offered back. */
    takeTheirs() {
      dispatch({ type: "abandoned" });
      dropLocalCopy(storyKey());
      window.location.reload();
    },
    signedInAgain: resume,
  };
}
