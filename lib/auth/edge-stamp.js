// @ts-check
// Plain JavaScript: shared by the server edge (scripts/server-edge.mjs), which stamps every request, and
// the app, which believes the peer address only when this process's edge stamped it
// (lib/auth/client-address.ts) and refuses to start in production without an edge (instrumentation.ts).
// They are separate module instances in one process, so the stamp lives on globalThis.

const KEY = Symbol.for("copydesk.serverEdge");

/** The address of the connection's other end, as the edge saw it. */
export const PEER_HEADER = "x-copydesk-peer";
/** This process's secret, on every request that passed through its edge. */
export const EDGE_HEADER = "x-copydesk-edge";

/**
 * Called once by the edge when it loads: a secret no client can know, which
 * it then writes on every request (over whatever the client sent).
 * @returns {string}
 */
export function installEdgeStamp() {
  const global = /** @type {any} */ (globalThis);
  global[KEY] ??= { stamp: `${crypto.randomUUID()}${crypto.randomUUID()}` };
  return global[KEY].stamp;
}

/**
 * This process's edge stamp, or null when no edge was loaded (a bare `next start`).
 * @returns {string | null}
 */
export const edgeStamp = () => /** @type {any} */ (globalThis)[KEY]?.stamp ?? null;

/**
 * The peer address the edge recorded for this request, or null when the
 * request did not pass through this process's edge — then any peer header
 * is the client's own and proves nothing.
 * @param {(name: string) => string | null | undefined} header
 * @returns {string | null}
 */
export function stampedPeer(header) {
  const stamp = edgeStamp();
  if (stamp === null || header(EDGE_HEADER) !== stamp) return null;
  return header(PEER_HEADER) || null;
}

/** What production start-up says when there is no edge. */
const NO_EDGE_MESSAGE =
  "Copydesk refuses to start in production without its server edge (scripts/server-edge.mjs): without it there is no 410 for withdrawn stories, no request ids, no stale-render guard, no memory fix, and a client could pick its own address. Start with `npm start` (or `node --import ./scripts/server-edge.mjs node_modules/.bin/next start`), never a bare `next start`.";

/**
 * Production start-up (instrumentation.ts): a server without its edge would
 * run, answer readers and silently lose what the edge does, so it does not
 * run at all. Development and tests may go without.
 */
export function refuseToRunWithoutEdge() {
  if (process.env.NODE_ENV !== "production" || edgeStamp() !== null) return;
  console.error(`\n${NO_EDGE_MESSAGE}\n`);
  process.exit(1);
}
