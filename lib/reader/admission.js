// @ts-check
// Plain JavaScript: the server edge (scripts/server-edge.mjs) loads it before anything is compiled.

/**
 * Requests that are not readers': the newsroom and everything staff, sign-in
 * and the app's own calls. They are never turned away for load — an editor's
 * publish must not wait behind, or be refused for, a crowd of readers.
 */
const STAFF_PATH = /^\/(?:newsroom|login|invitations|account-links|preview|api\/(?:auth|internal|health|v1\/newsroom|v1\/syndication))(?:\/|$)/;
/** Next's build files: a page that got through needs them to work, and each is a file read. */
const BUILD_FILE = /^\/_next\/static\//;

/** @param {string | undefined} method @param {string} pathname */
export const isReaderRequest = (method, pathname) => (method === "GET" || method === "HEAD") && !STAFF_PATH.test(pathname) && !BUILD_FILE.test(pathname);

/**
 * The tier's refresh listener marks its requests with this header (deploy/nginx:
 * set there only, and removed from every request readers send): they carry a
 * change to readers, so a busy instance must not turn them away — a refresh
 * refused would leave the old page in the tier.
 */
export const REFRESH_HEADER = "x-copydesk-refresh";

/**
 * How many reader requests an instance works on at once, and how late its
 * event loop may run, before it answers more readers with a quick 503 and
 * Retry-After instead of queueing them until they time out. The tier then
 * serves its stored copy (proxy_cache_use_stale); a reader straight at the
 * instance is told to come back in a second. Past the limit a request
 * would only wait: the instance is already as busy as it can be.
 *
 * The limit is far above what browsing asks for (a browser loads six things
 * at a time): it is met only when readers pour in faster than the instance
 * can answer, and then it bounds how long anything — an editor's publish
 * included — waits behind them.
 *
 * @param {{ limit: number, lagLimitMs: number }} options
 */
export function createAdmission({ limit, lagLimitMs }) {
  let readers = 0;
  let lagMs = 0;
  return {
    /** Takes a place for a reader request, or says there is none (the caller answers 503). */
    tryAdmit() {
      if (readers >= limit || lagMs > lagLimitMs) return false;
      readers++;
      return true;
    },
    /** Gives back a place taken by tryAdmit, once, when its response has ended or its client went away. */
    release() {
      readers = Math.max(0, readers - 1);
    },
    /** The event loop's latest lateness, from a timer that should have fired on time. */
    noteLag(/** @type {number} */ ms) {
      lagMs = ms;
    },
    get inFlight() {
      return readers;
    },
  };
}

/** Settings from the environment: READER_CONCURRENCY (reader requests at once) and READER_MAX_LAG_MS. */
export function admissionSettings(/** @type {Record<string, string | undefined>} */ env) {
  const number = (/** @type {string | undefined} */ value, /** @type {number} */ fallback) => {
    const parsed = Number(value);
    return value !== undefined && value !== "" && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
  };
  return { limit: number(env.READER_CONCURRENCY, 32), lagLimitMs: number(env.READER_MAX_LAG_MS, 1000) };
}
