import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withoutAppScripts } from "@/lib/reader/static-page.js";

/* Reader pages go out without Next's runtime (issue #26: the runtime cost phones their 99). */
await import("@/scripts/server-edge.mjs");

/** The shape of what Next 16 sends for a reader page: its chunks, the inline page data, a preload, our JSON-LD and script. */
const NEXT_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>
<link rel="stylesheet" href="/_next/static/chunks/3ndp1zjc0306q.css" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/310vm2bl3xxpt.js"/>
<link rel="modulepreload" href="/_next/static/chunks/m.js"/>
<script src="/_next/static/chunks/2uv3eu5we-al7.js" async=""></script>
<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>
<link rel="canonical" href="https://news.example/articles/a"/>
<link rel="preload" as="image" href="/media/images/a/960.webp" fetchPriority="high"/>
</head><body><main><h1>A &lt;script&gt; in a headline stays text — “Café” 🗞️</h1>
<pre><code>&lt;script src="/_next/x.js"&gt;&lt;/script&gt;</code></pre>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"A"}</script>
<script src="/reader/article.js" defer=""></script>
</main><script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]})</script>
<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n<\\/script> in a string"])</script>
<SCRIPT type="text/javascript">alert(1)</SCRIPT >
</body></html>`;

describe("a reader page without the app's scripts", () => {
  it("takes out Next's chunks, its inline page data and its script preloads, and keeps everything else", () => {
    const page = withoutAppScripts(NEXT_PAGE);
    expect(page).not.toMatch(/_next\/static\/chunks\/[\w-]+\.js/);
    expect(page).not.toContain("__next_f");
    expect(page).not.toContain("TURBOPACK");
    expect(page).not.toContain("alert(1)");
    expect(page).toContain('<link rel="stylesheet" href="/_next/static/chunks/3ndp1zjc0306q.css" data-precedence="next"/>');
    expect(page).toContain('<link rel="preload" as="image" href="/media/images/a/960.webp" fetchPriority="high"/>');
    expect(page).toContain('<link rel="canonical" href="https://news.example/articles/a"/>');
    expect(page).toContain('<script type="application/ld+json">{"@type":"NewsArticle","headline":"A"}</script>');
    expect(page).toContain('<script src="/reader/article.js" defer=""></script>');
    expect(page).toContain("<h1>A &lt;script&gt; in a headline stays text — “Café” 🗞️</h1>");
    expect(page).toContain('<pre><code>&lt;script src="/_next/x.js"&gt;&lt;/script&gt;</code></pre>');
    expect(page.match(/<script/gi)).toHaveLength(2);
  });

  it("leaves a page with nothing to take out as it was", () => {
    const plain = '<!DOCTYPE html><html><head><link rel="icon" href="/icon.svg"/></head><body><p>Hello</p></body></html>';
    expect(withoutAppScripts(plain)).toBe(plain);
  });
});

/** What Next sends for notFound() in a page (vercel/next.js#62228): an empty shell; the not-found page exists only in the page data. */
const ERROR_SHELL = `<!DOCTYPE html><html id="__next_error__"><head><script src="/_next/static/chunks/a.js" async=""></script></head><body><div hidden=""><!--$--><!--/$--></div><script>self.__next_f.push([1,"Page not found"])</script></body></html>`;
const NOT_FOUND_PAGE = `<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/_next/static/chunks/s.css"/><script src="/_next/static/chunks/a.js" async=""></script></head><body><main><h1>Page not found</h1></main></body></html>`;
let notFoundAsked = 0;

let server: Server;
let port: number;
const BIG_PAGE = `<html><body>${"<p>paragraph</p>".repeat(600_000)}<script src="/_next/static/chunks/big.js"></script></body></html>`;
/** Stand-ins for the ways Next answers: a stored page whole with its length, a render streamed in pieces, other types. */
const answers: Record<string, (response: ServerResponse) => void> = {
  "/articles/stored": (response) => {
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Content-Length", Buffer.byteLength(NEXT_PAGE));
    response.setHeader("ETag", '"abc"');
    response.end(NEXT_PAGE);
  },
  "/sections/streamed": (response) => {
    response.statusCode = 404;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.flushHeaders();
    // The second piece ends inside a character's UTF-8 bytes: held as bytes, it joins up again.
    const bytes = Buffer.from(NEXT_PAGE);
    const inCurlyQuote = bytes.indexOf("“") + 1;
    response.write(bytes.subarray(0, 300));
    response.write(bytes.subarray(300, inCurlyQuote), () => response.write(bytes.subarray(inCurlyQuote), () => response.end()));
  },
  "/articles/missing": (response) => {
    response.statusCode = 404;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(ERROR_SHELL);
  },
  "/.well-known/copydesk-not-found": (response) => {
    notFoundAsked++;
    response.statusCode = 404;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(NOT_FOUND_PAGE);
  },
  "/feed.xml": (response) => response.writeHead(200, { "Content-Type": "application/rss+xml" }).end("<rss><script>kept</script></rss>"),
  "/newsroom": (response) => response.writeHead(200, { "Content-Type": "text/html" }).end(NEXT_PAGE),
  "/articles/huge": (response) => {
    response.setHeader("Content-Type", "text/html");
    response.write(BIG_PAGE.slice(0, 5_000_000));
    response.write(BIG_PAGE.slice(5_000_000, 9_000_000));
    response.end(BIG_PAGE.slice(9_000_000));
  },
};

beforeAll(async () => {
  server = createServer((request, response) => answers[request.url ?? ""]!(response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function get(path: string, method = "GET"): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, path, method, agent: false });
    outgoing.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("the server edge sends reader pages without the app's scripts", () => {
  it("cleans a stored page sent whole, and says its new length", async () => {
    const answer = await get("/articles/stored");
    expect(answer.body).toBe(withoutAppScripts(NEXT_PAGE));
    expect(Number(answer.headers["content-length"])).toBe(Buffer.byteLength(answer.body));
    expect(answer.headers.etag).toBe('"abc"');
  });

  it("cleans a render streamed in pieces, whatever its status", async () => {
    const answer = await get("/sections/streamed");
    expect(answer.status).toBe(404);
    expect(answer.body).toBe(withoutAppScripts(NEXT_PAGE));
  });

  it("leaves what is not a reader's HTML page untouched: a feed, the newsroom", async () => {
    expect((await get("/feed.xml")).body).toBe("<rss><script>kept</script></rss>");
    expect((await get("/newsroom")).body).toBe(NEXT_PAGE);
  });

  it("answers a HEAD without a length rather than the length of the page before cleaning", async () => {
    const head = await get("/articles/stored", "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBeUndefined();
    expect(head.headers.etag).toBe('"abc"');
  });

  it("answers notFound()'s empty shell with the server's own not-found page, asked for once", async () => {
    for (const attempt of [1, 2]) {
      const answer = await get("/articles/missing");
      expect(answer.status, `attempt ${attempt}`).toBe(404);
      expect(answer.body).toBe(withoutAppScripts(NOT_FOUND_PAGE));
      expect(Number(answer.headers["content-length"])).toBe(Buffer.byteLength(answer.body));
    }
    expect(notFoundAsked).toBe(1);
  });

  it("sends a page too large to hold as it came, whole", async () => {
    const answer = await get("/articles/huge");
    expect(answer.body.length).toBe(BIG_PAGE.length);
    expect(answer.body).toBe(BIG_PAGE);
  });
});
