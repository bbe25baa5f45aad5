// @ts-check
// Plain JavaScript: shared by the app, which keeps the list (lib/reader/gone.ts), and the server
// edge, which answers from it (scripts/server-edge.mjs). They are separate module instances in
// one process, so the list lives on globalThis.

const KEY = Symbol.for("copydesk.withdrawnSlugs");

/**
 * Slugs of withdrawn (archived) stories as this process last loaded them;
 * null before the first load.
 * @returns {ReadonlySet<string> | null}
 */
export const withdrawnSlugs = () => /** @type {any} */ (globalThis)[KEY] ?? null;

/** @param {ReadonlySet<string>} slugs */
export const rememberWithdrawnSlugs = (slugs) => {
  /** @type {any} */ (globalThis)[KEY] = slugs;
};

export const WITHDRAWN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article withdrawn</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:Georgia,serif;max-width:36rem;margin:6rem auto;padding:0 1rem;text-align:center"><h1>This article was withdrawn</h1>
<p>It is no longer published. <a href="/">Go to the front page</a>.</p></body></html>`;
