// @ts-check
// Plain JavaScript: the server edge (scripts/server-edge.mjs) loads it before anything is compiled.
import { request as httpRequest } from "node:http";

/**
 * Reader pages reach readers as HTML and CSS, without Next's runtime. Nothing
 * on them needs React in the browser: they are server-rendered through and
 * through, and their two small jobs (following live coverage, "Edit" for
 * staff) are one plain script of ours, public/reader/article.js. The runtime
 * cost a phone ~150 KB of script that competed with the page's photo for the
 * network and the CPU — the difference between Lighthouse's 98 and 100 (#26).
 *
 * What goes: Next's script tags (its chunks and the inline page data it
 * hydrates from) and the preloads of its chunks. What stays: data scripts
 * (JSON-LD) and scripts served from /reader/.
 */
const SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>[\s\S]*?<\/script\s*>/gi;
const LINK = /<link\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const KEPT_SCRIPT = /\btype=["']?application\/(?:ld\+)?json\b|\bsrc=["']?\/reader\//i;
const SCRIPT_PRELOAD = /\bas=["']?script\b|\brel=["']?modulepreload\b/i;

/** @param {string} html */
export function withoutAppScripts(html) {
  return html.replace(SCRIPT, (tag, attributes) => (KEPT_SCRIPT.test(attributes) ? tag : "")).replace(LINK, (tag) => (SCRIPT_PRELOAD.test(tag) ? "" : tag));
}

/**
 * A page larger than this goes out as Next made it, scripts and all (it still
 * works: the runtime simply runs). Holding it whole is what lets the edge take
 * the scripts out and say the new length; no reader page comes near it.
 */
const LARGEST_HELD_PAGE = 8 * 1024 * 1024;

/**
 * Next renders notFound() in a page as an empty shell (`<html id="__next_error__">`) and draws the
 * not-found page in the browser from its page data (vercel/next.js#62228, open): without the runtime that
 * is a blank page. An address no route matches is rendered whole, on the server; the edge asks its own
 * server for one, once, and answers every such 404 with it.
 */
const ERROR_SHELL = /<html id="__next_error__"/;
const UNMATCHED_ADDRESS = "/.well-known/copydesk-not-found";
/** If the server cannot be asked (it is stopping): a plain page rather than a blank one. */
const PLAIN_NOT_FOUND = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:Georgia,serif;max-width:36rem;margin:6rem auto;padding:0 1rem;text-align:center"><h1>Page not found</h1>
<p>The page you asked for does not exist or is no longer published. <a href="/">Go to the front page</a>.</p></body></html>`;

/** @type {Promise<Buffer> | undefined} */
let notFoundPage;

/**
 * The server's own not-found page, asked for over the connection's local address (a refresh, so a busy
 * instance does not turn it away), kept once it came back whole.
 * @param {import("node:net").Socket | null} socket
 * @returns {Promise<Buffer>}
 */
function renderedNotFoundPage(socket) {
  if (notFoundPage) return notFoundPage;
  const asked = new Promise((resolve) => {
    const outgoing = httpRequest(
      { host: socket?.localAddress, port: socket?.localPort, path: UNMATCHED_ADDRESS, headers: { "x-copydesk-refresh": "1" }, timeout: 5_000 },
      (incoming) => {
        /** @type {Buffer[]} */
        const chunks = [];
        incoming.on("data", (chunk) => chunks.push(chunk));
        incoming.on("end", () => {
          const page = Buffer.concat(chunks);
          resolve(incoming.statusCode === 404 && !ERROR_SHELL.test(page.toString("utf8")) ? page : null);
        });
        incoming.on("error", () => resolve(null));
      },
    );
    outgoing.on("timeout", () => outgoing.destroy());
    outgoing.on("error", () => resolve(null));
    outgoing.end();
  });
  notFoundPage = asked.then((page) => {
    if (!page) notFoundPage = undefined;
    return page ?? Buffer.from(PLAIN_NOT_FOUND);
  });
  return notFoundPage;
}

/** @param {unknown} chunk @param {unknown} encoding */
const asBuffer = (chunk, encoding) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8"));

/** @param {import("node:http").ServerResponse} response */
function isHtmlPage(response) {
  const type = response.getHeader("content-type");
  return response.statusCode !== 304 && typeof type === "string" && type.startsWith("text/html");
}

/**
 * Sends the response's HTML without Next's scripts: the body is held until it
 * ends, then cleaned and sent with its new length. Anything that is not an
 * HTML page (a photo, a feed, the content API) is decided at its first write
 * and goes through untouched.
 * @param {import("node:http").ServerResponse} response
 */
export function sendWithoutAppScripts(response) {
  const { write, end, flushHeaders } = response;
  /** @type {Buffer[] | undefined} */
  let held;
  let heldBytes = 0;
  let decided = false;

  function decide() {
    if (decided) return;
    decided = true;
    if (response.headersSent || !isHtmlPage(response)) return;
    held = [];
    response.removeHeader("content-length");
  }
  /** Past the largest page we hold: what was held goes out as it came, and the rest follows it. */
  function letGo() {
    const body = Buffer.concat(held ?? []);
    held = undefined;
    Reflect.apply(write, response, [body]);
  }

  response.flushHeaders = function () {
    decide();
    if (!held) Reflect.apply(flushHeaders, response, []);
  };
  response.write = /** @type {typeof response.write} */ (
    function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
      decide();
      if (!held) return Reflect.apply(write, response, arguments);
      const buffer = asBuffer(chunk, encoding);
      held.push(buffer);
      heldBytes += buffer.length;
      const done = typeof encoding === "function" ? encoding : callback;
      if (heldBytes > LARGEST_HELD_PAGE) letGo();
      if (typeof done === "function") process.nextTick(done);
      return true;
    }
  );
  response.end = /** @type {typeof response.end} */ (
    function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
      decide();
      if (!held) return Reflect.apply(end, response, arguments);
      const done = [chunk, encoding, callback].find((argument) => typeof argument === "function");
      if (chunk != null && typeof chunk !== "function") held.push(asBuffer(chunk, encoding));
      // Read byte for byte (latin1): what is taken out is ASCII, every other byte goes back as it came, and the
      // page is held at one byte a character rather than decoded into two.
      const page = Buffer.concat(held).toString("latin1");
      held = undefined;
      if (response.statusCode === 404 && ERROR_SHELL.test(page)) {
        void renderedNotFoundPage(response.socket).then((body) => finish(body, done));
        return response;
      }
      return finish(Buffer.from(withoutAppScripts(page), "latin1"), done);
    }
  );

  /** @param {Buffer} body @param {(() => void) | undefined} done */
  function finish(body, done) {
    // A HEAD is answered without its body, so the cleaned length is unknown: it goes without one.
    if (!response.headersSent && response.req?.method !== "HEAD") response.setHeader("content-length", body.length);
    return Reflect.apply(end, response, [body, done]);
  }
}
