// @ts-check
// The only script a story page runs. Reader pages are served as HTML without Next's runtime
// (lib/reader/static-page.js): nothing on them needs React, and the runtime was the one thing
// between a phone and the page's first paint. Two small jobs, each for the few pages that need it.

/**
 * "Edit" for signed-in staff, decided in the browser so the cached page stays
 * the same for everyone. The newsroom sets a harmless hint cookie; only with
 * it do we ask for the session at all, so readers cost nothing extra.
 */
function showStaffEdit() {
  const link = document.querySelector("[data-staff-edit]");
  if (!link || !document.cookie.split("; ").includes("copydesk_staff=1")) return;
  fetch("/api/auth/session")
    .then((response) => response.json())
    .then((session) => {
      if (session && session.userId) link.hidden = false;
    })
    .catch(() => {});
}

/** Seconds between looks while the page is seen, and while it is hidden (another tab, a locked phone). */
const POLL_SECONDS = 10;
const HIDDEN_POLL_SECONDS = 60;
/** How soon to look again when the page fetched was a moment older than the list. */
const BEHIND_RETRY_MS = 1_500;
const MAX_QUICK_RETRIES = 3;

/**
 * Keeps the newest page of running live coverage current without reloading.
 * It asks the small updates address (which the tier serves like a page) on an
 * interval; when that shows a difference it fetches the page itself — one
 * renderer for entries, the server's — and takes what changed from it:
 * edited entries and the pinned and key-event parts change in place, deleted
 * entries go, and new ones wait under a "N new updates" button, so nothing
 * moves under the reader's eyes. Coverage that ends stops it and takes the
 * LIVE label down. The button, the status line and the "ended" line are the
 * page's own (components/reader/live-blog.tsx); this only shows them.
 */
function followLiveCoverage() {
  /** @type {HTMLElement | null} */
  const follow = document.querySelector("[data-live-follow]");
  if (!follow) return;
  const slug = follow.dataset.liveFollow ?? "";
  const status = /** @type {HTMLElement} */ (follow.querySelector("[data-live-status]"));
  const ended = /** @type {HTMLElement} */ (follow.querySelector("[data-live-ended]"));
  const showButton = /** @type {HTMLButtonElement} */ (follow.querySelector("[data-live-show]"));
  /** @type {Map<string, HTMLElement>} */
  const waiting = new Map();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let stopped = false;
  let retries = 0;

  const entriesList = () => document.getElementById("live-entries");
  /** @param {ParentNode} root @param {string} name @returns {HTMLElement | null} */
  const section = (root, name) => root.querySelector(`[data-live-section="${name}"]`);

  function shownEntries() {
    /** @type {Map<string, { version: number, postedAt: string, node: HTMLElement }>} */
    const shown = new Map();
    entriesList()
      ?.querySelectorAll(":scope > [data-entry]")
      .forEach((element) => {
        const node = /** @type {HTMLElement} */ (element);
        shown.set(node.dataset.entry ?? "", { version: Number(node.dataset.version), postedAt: node.dataset.postedAt ?? "", node });
      });
    return shown;
  }

  function showCount() {
    const count = waiting.size;
    const words = `${count} new ${count === 1 ? "update" : "updates"}`;
    status.textContent = stopped ? "Live coverage has ended." : count > 0 ? words : "";
    showButton.textContent = words;
    showButton.hidden = count === 0;
  }

  /** One look; true when the page fetched did not yet show an entry the list names (the tier's copies are refreshed one after the other). */
  async function look() {
    /** @type {{ coverage: { running: boolean }, entries: { id: string, version: number, postedAt: string }[], complete: boolean, pinned: string, keyEvents: string } | null} */
    const updates = await fetch(`/articles/${slug}/updates.json`, { cache: "no-cache" })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null);
    if (!updates) return false;
    if (!updates.coverage.running) {
      stopped = true;
      document.querySelectorAll("[data-live-label]").forEach((label) => label.remove());
      ended.hidden = false;
    }
    const shown = shownEntries();
    const listed = new Map(updates.entries.map((entry) => [entry.id, entry]));
    const newestShown = [...shown.values()].reduce((newest, entry) => (entry.postedAt > newest ? entry.postedAt : newest), "");
    const oldestListed = updates.entries.at(-1)?.postedAt ?? "";
    // Gone: shown (or waiting) but no longer listed, where the list reaches back that far.
    for (const [id, entry] of shown) {
      if (!listed.has(id) && (updates.complete || entry.postedAt >= oldestListed)) entry.node.remove();
    }
    for (const id of waiting.keys()) if (!listed.has(id)) waiting.delete(id);
    const fresh = updates.entries.filter((entry) => !shown.has(entry.id) && !waiting.has(entry.id) && entry.postedAt >= newestShown);
    const changed = updates.entries.filter((entry) => shown.has(entry.id) && shown.get(entry.id)?.version !== entry.version);
    const marks = { pinned: updates.pinned, "key-events": updates.keyEvents };
    let behind = false;
    const sectionsChanged = Object.entries(marks).some(([name, mark]) => (section(document, name)?.dataset.mark ?? "") !== mark);
    if (fresh.length > 0 || changed.length > 0 || sectionsChanged) {
      const page = await fetch(`/articles/${slug}`, { cache: "no-cache" })
        .then((response) => (response.ok ? response.text() : null))
        .catch(() => null);
      if (page) {
        const rendered = new DOMParser().parseFromString(page, "text/html");
        for (const entry of fresh) {
          const node = rendered.getElementById(`entry-${entry.id}`);
          if (node) waiting.set(entry.id, /** @type {HTMLElement} */ (document.importNode(node, true)));
          else behind = true;
        }
        for (const entry of changed) {
          const node = rendered.getElementById(`entry-${entry.id}`);
          if (node && node.dataset.version === String(entry.version)) shown.get(entry.id)?.node.replaceWith(document.importNode(node, true));
          else behind = true;
        }
        for (const [name, mark] of Object.entries(marks)) {
          const mine = section(document, name);
          const theirs = section(rendered, name);
          if (mine && theirs && mine.dataset.mark !== theirs.dataset.mark) mine.replaceWith(document.importNode(theirs, true));
          if (theirs?.dataset.mark !== mark) behind = true;
        }
      } else behind = true;
    }
    showCount();
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

  showButton.addEventListener("click", () => {
    const list = entriesList();
    const nodes = [...waiting.values()].sort((a, b) => ((b.dataset.postedAt ?? "") > (a.dataset.postedAt ?? "") ? 1 : -1));
    if (!list || nodes.length === 0) return;
    list.prepend(...nodes);
    document.getElementById("live-no-updates")?.remove();
    waiting.clear();
    showCount();
    nodes[0]?.focus();
  });
  // Back to the tab: look now rather than at the end of a long hidden wait.
  document.addEventListener("visibilitychange", () => {
    if (document.hidden || stopped) return;
    clearTimeout(timer);
    void look().then(schedule, () => schedule());
  });
  schedule();
}

showStaffEdit();
followLiveCoverage();
