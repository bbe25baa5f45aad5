// @ts-check
// Preloaded into every Copydesk server process (node --import; scripts/lib/processes.ts), where it sees
// each HTTP request before Next does and each response as it ends. Plain JavaScript: it runs before
// anything is compiled. What it does, and why here:
// - marks the process as having an edge (production start-up refuses without one: instrumentation.ts)
//   and stamps every request with the address of the connection's other end, which Next does not pass
//   to route handlers, plus this process's secret, so the app believes the address only when it came
//   from here (lib/auth/edge-stamp.js, lib/auth/client-address.ts); whatever a client sent is overwritten;
// - answers 400 for any address no route can decode (lib/reader/request-path.js): a malformed escape,
//   bytes that are not UTF-8, a control character — in every segment of every route, once, here;
// - gives the request an id (the tier's X-Request-Id when it sent a well-formed one), echoed back;
// - names a reader page's cache tags downstream (Cache-Tag, Surrogate-Key) for a CDN to purge by;
// - answers 410 for a withdrawn story from the list the app keeps in memory (lib/reader/gone.ts),
//   so no reader request pays for a middleware hop;
// - with LOG_FORMAT=json, writes one line per request when its response ends;
// - notes when the request arrived, for everything done on its behalf (the reader cache will not
//   store a render begun before a change it has since been told of: lib/reader/cache-handler.mjs);
// - sends reader pages without Next's scripts (lib/reader/static-page.js): readers get HTML and CSS;
// - answers a reader request 503 with Retry-After at once when the instance is already as busy as it
//   can be (lib/reader/admission.js), rather than queueing it until it times out; staff requests are
//   never turned away, and the queue a crowd of readers can build in front of an editor's publish is bounded;
// - keeps finished renders from being held in memory (below, at the end).
// It never throws into a request: a request it cannot look at goes on to Next as it came.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { EDGE_HEADER, installEdgeStamp, PEER_HEADER } from "../lib/auth/edge-stamp.js";
import { jsonLogs, loggedPath, logJson } from "../lib/log.js";
import { admissionSettings, createAdmission, isReaderRequest, REFRESH_HEADER } from "../lib/reader/admission.js";
import { headerSafeTag, pageTags } from "../lib/reader/cache-tags.js";
import { unsoundPath, unsoundQuery } from "../lib/reader/request-path.js";
import { requestStart } from "../lib/reader/request-start.js";
import { sendWithoutAppScripts } from "../lib/reader/static-page.js";
import { WITHDRAWN_PAGE, withdrawnSlugs } from "../lib/reader/withdrawn.js";
import { BASE_SECURITY_HEADERS, readerCsp, transportSecurityHeaders } from "../lib/security-headers.js";

const STAMP = installEdgeStamp();
const REQUEST_ID_HEADER = "x-request-id";
const WELL_FORMED_ID = /^[\w.-]{1,128}$/;
const ARTICLE_PATH = /^\/articles\/([^/]+)$/;

/** @type {Record<string, string> | undefined} */
let securityHeaders;
/**
 * What Next puts on every reader page (next.config.js), on the answers the edge gives itself. Made at
 * the first request, once Next has loaded .env files (NEXTAUTH_URL decides HSTS).
 */
const answerHeaders = () =>
  (securityHeaders ??= Object.fromEntries(
    [...BASE_SECURITY_HEADERS, ...transportSecurityHeaders(process.env.NEXTAUTH_URL), { key: "Content-Security-Policy", value: readerCsp() }].map(({ key, value }) => [key, value]),
  ));
const BAD_ADDRESS = "Bad request: the address is not valid.";
const BUSY = "This site is busy right now; try again in a moment.";

const admission = createAdmission(admissionSettings(process.env));
// The event loop's lateness, sampled: a timer due every 100 ms that fires late says how long any request waits to start.
const LAG_SAMPLE_MS = 100;
let lagDue = performance.now() + LAG_SAMPLE_MS;
setInterval(() => {
  const now = performance.now();
  admission.noteLag(Math.max(0, now - lagDue));
  lagDue = now + LAG_SAMPLE_MS;
}, LAG_SAMPLE_MS).unref();

/**
 * @param {http.IncomingMessage} request
 * @param {http.ServerResponse} response
 * @returns {boolean} whether the edge answered the request itself
 */
function atTheEdge(request, response) {
  const started = performance.now();
  request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
  request.headers[EDGE_HEADER] = STAMP;
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
  const url = request.url ?? "";
  if (unsoundPath(url) !== null || unsoundQuery(url) !== null) {
    // The client's mistake, whichever route it aimed at: 400 at once, never a 500 or a hang.
    response.writeHead(400, { ...answerHeaders(), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
    response.end(request.method === "HEAD" ? undefined : BAD_ADDRESS);
    return true;
  }
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const pathname = url.split("?", 1)[0] ?? "";
  const tags = pageTags(pathname).map(headerSafeTag);
  if (tags.length > 0) {
    response.setHeader("Cache-Tag", tags.join(","));
    response.setHeader("Surrogate-Key", tags.join(" "));
  }
  const article = ARTICLE_PATH.exec(pathname);
  // unsoundPath has decoded the whole path already: this cannot throw.
  if (article && withdrawnSlugs()?.has(decodeURIComponent(article[1] ?? ""))) {
    response.writeHead(410, { ...answerHeaders(), "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=60, s-maxage=1" });
    response.end(request.method === "HEAD" ? undefined : WITHDRAWN_PAGE);
    return true;
  }
  if (!isReaderRequest(request.method, pathname)) return false;
  sendWithoutAppScripts(response);
  // Staff requests and the tier's refreshes (which carry a change to readers) are never turned away.
  if (request.headers[REFRESH_HEADER] === "1") return false;
  if (!admission.tryAdmit()) {
    // Never stored (the tier serves its own stale copy instead: proxy_cache_use_stale http_503).
    response.writeHead(503, { ...answerHeaders(), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "1" });
    response.end(request.method === "HEAD" ? undefined : BUSY);
    return true;
  }
  response.once("close", () => admission.release());
  return false;
}

/**
 * The edge's own failure is never the request's: it is logged, and the
 * request goes on to Next (or stays answered, if the edge got that far).
 * @param {http.IncomingMessage} request
 * @param {http.ServerResponse} response
 */
function safelyAtTheEdge(request, response) {
  try {
    return atTheEdge(request, response);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (jsonLogs()) logJson("edge-error", { path: loggedPath(request.url ?? ""), message });
    else console.error(`[edge] ${message} (${loggedPath(request.url ?? "")})`);
    return response.headersSent;
  }
}

const emit = http.Server.prototype.emit;
/** @this {http.Server} */
http.Server.prototype.emit = function (/** @type {string} */ event, /** @type {any[]} */ ...args) {
  if (event !== "request" || !args[0]?.headers || !args[1]) return Reflect.apply(emit, this, [event, ...args]);
  if (safelyAtTheEdge(args[0], args[1])) return true;
  return requestStart.run(Date.now(), () => Reflect.apply(emit, this, [event, ...args]));
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
