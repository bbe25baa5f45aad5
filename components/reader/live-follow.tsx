"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveUpdates } from "@/lib/reader/live-blog";

/** Seconds between looks while the page is seen, and while it is hidden (another tab, a locked phone). */
export const POLL_SECONDS = 10;
const HIDDEN_POLL_SECONDS = 60;
/** How soon to look again when the page fetched was a moment older than the list. */
const BEHIND_RETRY_MS = 1_500;
const MAX_QUICK_RETRIES = 3;

type Shown = Map<string, { version: number; postedAt: string; node: HTMLElement }>;

const entriesList = () => document.getElementById("live-entries");
const section = (name: string) => document.querySelector<HTMLElement>(`[data-live-section="${name}"]`);

function shownEntries(): Shown {
  const shown: Shown = new Map();
  entriesList()
    ?.querySelectorAll<HTMLElement>(":scope > [data-entry]")
    .forEach((node) => shown.set(node.dataset.entry!, { version: Number(node.dataset.version), postedAt: node.dataset.postedAt!, node }));
  return shown;
}

/**
 * Keeps the newest page of running live coverage current without reloading.
 * It asks the small updates address (which the tier serves like a page) on an
 * interval; when that shows a difference it fetches the page itself — one
 * renderer for entries, the server's — and takes what changed from it:
 * edited entries and the pinned and key-event parts change in place, deleted
 * entries go, and new ones wait under a "N new updates" button, so nothing
 * moves under the reader's eyes. Coverage that ends stops it and takes the
 * LIVE label down.
 */
export function LiveFollow({ slug }: { slug: string }) {
  const waiting = useRef(new Map<string, HTMLElement>());
  const [count, setCount] = useState(0);
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let retries = 0;

    /** One look; true when the page fetched did not yet show an entry the list names (the tier's copies are refreshed one after the other). */
    async function look(): Promise<boolean> {
      const updates = await fetch(`/articles/${slug}/updates.json`, { cache: "no-cache" })
        .then((response) => (response.ok ? (response.json() as Promise<LiveUpdates>) : null))
        .catch(() => null);
      if (!updates) return false;
      if (!updates.coverage.running) {
        stopped = true;
        document.querySelectorAll("[data-live-label]").forEach((label) => label.remove());
        setEnded(true);
      }
      const shown = shownEntries();
      const listed = new Map(updates.entries.map((entry) => [entry.id, entry]));
      const newestShown = [...shown.values()].reduce((newest, entry) => (entry.postedAt > newest ? entry.postedAt : newest), "");
      const oldestListed = updates.entries.at(-1)?.postedAt ?? "";
      // Gone: shown (or waiting) but no longer listed, where the list reaches back that far.
      for (const [id, entry] of shown) {
        if (!listed.has(id) && (updates.complete || entry.postedAt >= oldestListed)) entry.node.remove();
      }
      for (const id of waiting.current.keys()) if (!listed.has(id)) waiting.current.delete(id);
      const fresh = updates.entries.filter((entry) => !shown.has(entry.id) && !waiting.current.has(entry.id) && entry.postedAt >= newestShown);
      const changed = updates.entries.filter((entry) => shown.has(entry.id) && shown.get(entry.id)!.version !== entry.version);
      let behind = false;
      const pinnedChanged = (section("pinned")?.dataset.mark ?? "") !== updates.pinned;
      const keyEventsChanged = (section("key-events")?.dataset.mark ?? "") !== updates.keyEvents;
      if (fresh.length > 0 || changed.length > 0 || pinnedChanged || keyEventsChanged) {
        const page = await fetch(`/articles/${slug}`, { cache: "no-cache" })
          .then((response) => (response.ok ? response.text() : null))
          .catch(() => null);
        if (page) {
          const rendered = new DOMParser().parseFromString(page, "text/html");
          const renderedEntry = (id: string) => rendered.getElementById(`entry-${id}`);
          for (const entry of fresh) {
            const node = renderedEntry(entry.id);
            if (node) waiting.current.set(entry.id, document.importNode(node, true));
            else behind = true;
          }
          for (const entry of changed) {
            const node = renderedEntry(entry.id);
            if (node && node.dataset.version === String(entry.version)) shown.get(entry.id)!.node.replaceWith(document.importNode(node, true));
            else behind = true;
          }
          for (const name of ["pinned", "key-events"]) {
            const mine = section(name);
            const theirs = rendered.querySelector<HTMLElement>(`[data-live-section="${name}"]`);
            if (mine && theirs && mine.dataset.mark !== theirs.dataset.mark) mine.replaceWith(document.importNode(theirs, true));
            if (theirs?.dataset.mark !== (name === "pinned" ? updates.pinned : updates.keyEvents)) behind = true;
          }
        } else behind = true;
      }
      setCount(waiting.current.size);
      return behind;
    }

    /** The next look: after the interval, or a moment later when the page fetched was older than the list it was fetched for. */
    function schedule(behind = false) {
      if (stopped) return;
      // A few quick looks at most: a page that stays behind is left to the next interval.
      retries = behind ? retries + 1 : 0;
      const soon = behind && retries <= MAX_QUICK_RETRIES;
      timer = setTimeout(
        () => void look().then(schedule, () => schedule()),
        soon ? BEHIND_RETRY_MS : (document.hidden ? HIDDEN_POLL_SECONDS : POLL_SECONDS) * 1000,
      );
    }
    // Back to the tab: look now rather than at the end of a long hidden wait.
    function onVisible() {
      if (document.hidden || stopped) return;
      clearTimeout(timer);
      void look().then(schedule, () => schedule());
    }
    schedule();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [slug]);

  function showWaiting() {
    const list = entriesList();
    const nodes = [...waiting.current.values()].sort((a, b) => (b.dataset.postedAt! > a.dataset.postedAt! ? 1 : -1));
    if (!list || nodes.length === 0) return;
    list.prepend(...nodes);
    document.getElementById("live-no-updates")?.remove();
    waiting.current.clear();
    setCount(0);
    nodes[0]!.focus();
  }

  return (
    <div className="my-3 font-sans">
      <p aria-live="polite" className="sr-only">
        {ended ? "Live coverage has ended." : count > 0 ? `${count} new ${count === 1 ? "update" : "updates"}` : ""}
      </p>
      {ended && <p className="text-sm text-muted">Live coverage has ended.</p>}
      {count > 0 && (
        <button type="button" onClick={showWaiting} className="w-full rounded bg-accent px-4 py-2 text-sm font-bold text-white">
          {count} new {count === 1 ? "update" : "updates"}
        </button>
      )}
    </div>
  );
}
