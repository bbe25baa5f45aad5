/**
 * Leaving the editor by the app's own ways (a link, sign-out) first gives the
 * open story the chance to save. One editor is open at a time, so one flush
 * is registered; everything that leaves asks `readyToLeave()`.
 */
export type FlushResult = { saved: true } | { saved: false; reason: string };
type Flush = () => Promise<FlushResult>;

let registered: Flush | null = null;

export function guardLeaving(flush: Flush): () => void {
  registered = flush;
  return () => {
    if (registered === flush) registered = null;
  };
}

/** Saves what is pending; when that fails, asks whether to leave anyway (the browser keeps a copy either way). */
export async function readyToLeave(): Promise<boolean> {
  if (!registered) return true;
  const result = await registered();
  if (result.saved) return true;
  return window.confirm(`${result.reason}\n\nLeave anyway? Your changes stay on this device and are offered when you open the story again.`);
}

/** The same-site page a plain left click on a link would open, or null when the click is not a navigation we should hold. */
export function heldNavigation(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.("a[href]");
  if (!(anchor instanceof HTMLAnchorElement) || anchor.closest("[contenteditable]")) return null;
  if ((anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href);
  if (url.origin !== window.location.origin) return null; // leaving the site: beforeunload asks
  return url.pathname + url.search + url.hash;
}
