// @ts-check
// Preloaded into every Copydesk server process (node --import; scripts/lib/processes.ts), where it sees
// each HTTP request before Next does and each response as it ends. Plain JavaScript: it runs before
// anything is compiled. What it does, and why here:
// - stamps the address of the connection's other end, which Next does not pass to route handlers
//   (lib/auth/client-address.ts reads it); any value a client sent is overwritten;
// - gives the request an id (the tier's X-Request-Id when it sent a well-formed one), echoed back;
// - names a reader page's cache tags downstream (Cache-Tag, Surrogate-Key) for a CDN to purge by;
// - answers 410 for a withdrawn story from the list the app keeps in memory (lib/reader/gone.ts),
//   so no reader request pays for a middleware hop;
// - with LOG_FORMAT=json, writes one line per request when its response ends;
// - notes when the request arrived, for everything done on its behalf (the reader cache will not
//   store a render begun before a change it has since been told of: lib/reader/cache-handler.mjs);
// - keeps finished renders from being held in memory (below, at the end).
import { randomUUID } from "node:crypto";
import http from "node:http";
import { jsonLogs, loggedPath, logJson } from "../lib/log.js";
import { pageTags } from "../lib/reader/cache-tags.js";
import { requestStart } from "../lib/reader/request-start.js";
import { WITHDRAWN_PAGE, withdrawnSlugs } from "../lib/reader/withdrawn.js";

const PEER_HEADER = "x-copydesk-peer";
const REQUEST_ID_HEADER = "x-request-id";
const WELL_FORMED_ID = /^[\w.-]{1,128}$/;
const ARTICLE_PATH = /^\/articles\/([^/]+)$/;

/**
 * @param {http.IncomingMessage} request
 * @param {http.ServerResponse} response
 * @returns {boolean} whether the edge answered the request itself
 */
function atTheEdge(request, response) {
  const started = performance.now();
  request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
  const given = request.headers[REQUEST_ID_HEADER];
  const id = typeof given === "string" && WELL_FORMED_ID.test(given) ? given : randomUUID();
  request.headers[REQUEST_ID_HEADER] = id;
  response.setHeader("X-Request-Id", id);
  if (jsonLogs()) {
    response.once("close", () =>
      logJson("request", {
        method: request.method,
        path: loggedPath(request.url ?? ""),
        status: response.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        requestId: id,
        ...(response.writableFinished ? {} : { aborted: true }),
      }),
    );
  }
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const pathname = (request.url ?? "").split("?", 1)[0] ?? "";
  const tags = pageTags(pathname);
  if (tags.length > 0) {
    response.setHeader("Cache-Tag", tags.join(","));
    response.setHeader("Surrogate-Key", tags.join(" "));
  }
  const article = ARTICLE_PATH.exec(pathname);
  if (!article) return false;
  let slug;
  try {
    slug = decodeURIComponent(article[1] ?? "");
  } catch {
    // A malformed escape ("%E0%A4%A") is the client's mistake: 400, never a 500.
    response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Bad request: the address is not valid.");
    return true;
  }
  if (!withdrawnSlugs()?.has(slug)) return false;
  response.writeHead(410, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=60, s-maxage=1" });
  response.end(request.method === "HEAD" ? undefined : WITHDRAWN_PAGE);
  return true;
}

const emit = http.Server.prototype.emit;
/** @this {http.Server} */
http.Server.prototype.emit = function (/** @type {string} */ event, /** @type {any[]} */ ...args) {
  if (event !== "request" || !args[0]?.headers || !args[1]) return emit.call(this, event, ...args);
  if (atTheEdge(args[0], args[1])) return true;
  return requestStart.run(Date.now(), () => emit.call(this, event, ...args));
};

// Next and React abort each render's controllers (several per render, from setImmediate callbacks) with
// Errors whose stacks nobody reads. V8 keeps an unread stack as frames that hold their receivers — the
// Immediate, which carries the render's whole AsyncLocalStorage store and links to the Immediates after
// it — so every render stays in memory as long as its signal does: ~0.2 MB per distinct page, the
// made-up-URL growth in BENCHMARKS.md (vercel/next.js#96279, nodejs/node#66129; open upstream). Reading
// the stack turns it into a string and lets the render go.
const abort = AbortController.prototype.abort;
AbortController.prototype.abort = function (/** @type {unknown} */ reason) {
  const why = reason ?? new DOMException("This operation was aborted", "AbortError");
  if (why instanceof Error || why instanceof DOMException) void why.stack;
  return abort.call(this, why);
};
