// @ts-check
// Plain JavaScript: the server edge (scripts/server-edge.mjs) starts the clock, the reader cache
// (lib/reader/cache-handler.mjs, which Next loads twice) reads it; one instance per process.
import { AsyncLocalStorage } from "node:async_hooks";

const KEY = Symbol.for("copydesk.requestStart");

/**
 * When the request being served arrived (ms since the epoch), for everything
 * done on its behalf — the render and the cache writes it ends with.
 * @type {AsyncLocalStorage<number>}
 */
export const requestStart = /** @type {any} */ (globalThis)[KEY] ??= new AsyncLocalStorage();
