// @ts-check
// Plain JavaScript so that the server edge (scripts/server-edge.mjs) and the app write one format.

/** LOG_FORMAT: "text" (the default: human lines, no line per request) or "json". */
export const LOG_FORMATS = /** @type {const} */ (["text", "json"]);

export const jsonLogs = () => process.env.LOG_FORMAT === "json";

/**
 * One JSON object per line on stdout, for a log shipper: the time, what
 * happened (`event`), and its fields.
 * @param {string} event
 * @param {Record<string, unknown>} fields
 */
export function logJson(event, fields) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
}

/** Links that carry a secret in their path: the secret never reaches a log. */
const SECRET_PATHS = /^(\/invitations|\/login\/reset|\/preview(?!\/articles\/))\/[^/]+/;

/**
 * The path to log for a request: no query string (search words, cursors) and
 * no token from an invitation, reset or preview link.
 * @param {string} url
 */
export function loggedPath(url) {
  const pathname = url.split("?", 1)[0] ?? "";
  return pathname.replace(SECRET_PATHS, "$1/[token]");
}
