import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { rememberWithdrawnSlugs } from "@/lib/reader/withdrawn.js";
import { BASE_SECURITY_HEADERS } from "@/lib/security-headers.js";
import { BAD_SEGMENTS, ODD_SEGMENTS, READER_ROUTES } from "../support/hostile-paths";

/*
 * The server edge as every server process loads it (scripts/server-edge.mjs), in front of a plain
 * HTTP server standing in for Next, over real sockets: an unsound path is a 400 in milliseconds that
 * never reaches the app; an odd but sound one reaches it with a Cache-Tag that could be set; the
 * edge's own answers carry the security headers; the peer address is the socket's, never the client's.
 */
await import("@/scripts/server-edge.mjs");

let server: Server;
let port: number;
const reached: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    reached.push(request.url ?? "");
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    response.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ address: clientAddress(header, []) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A request with its path sent exactly as given (fetch would normalise it), answered or not within a second. */
function send(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: IncomingHttpHeaders; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, path, method, headers, agent: false, timeout: 1_000 }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body, ms: performance.now() - started }));
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within a second: ${path}`)));
    outgoing.on("error", reject);
    outgoing.end();
  });
}

const expectSecurityHeaders = (headers: IncomingHttpHeaders) => {
  for (const { key, value } of BASE_SECURITY_HEADERS) expect(headers[key.toLowerCase()], key).toBe(value);
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
};

describe("the server edge", () => {
  it("answers 400 at once, with the security headers, for every undecodable segment of every reader route, and the app never sees it", async () => {
    reached.length = 0;
    // Raw bytes cannot be written by Node's client (it refuses them itself); their escaped forms are the same class.
    const escaped = BAD_SEGMENTS.filter(([, segment]) => /^[\x21-\x7e]*$/.test(segment));
    for (const route of READER_ROUTES) {
      for (const [what, segment] of escaped) {
        const path = route.replace("X", segment);
        const answer = await send(path);
        expect(answer.status, `${what}: ${path}`).toBe(400);
        expect(answer.headers["cache-control"]).toBe("no-store");
        expectSecurityHeaders(answer.headers);
      }
    }
    expect((await send("/sections/%C3%28", {}, "HEAD")).status).toBe(400);
    expect((await send("/api/v1/newsroom/articles/%E0%A4%A", { "content-type": "application/json" }, "POST")).status).toBe(400);
    expect(reached).toEqual([]);
  }, 60_000); // some 950 requests on new connections, each within its own second

  it("answers 400 for a control character in the query, which PostgreSQL would have refused as a 500", async () => {
    reached.length = 0;
    for (const path of ["/search?q=%00", "/search?q=x%00x", "/api/v1/content/articles?tag=%00", "/api/v1/content/articles?section=x%00x&cursor=1", "/sections/city?page=%0A"]) {
      const answer = await send(path);
      expect(answer.status, path).toBe(400);
      expectSecurityHeaders(answer.headers);
    }
    expect(reached).toEqual([]);
    expect((await send("/search?q=harbour%20bridge")).status).toBe(404); // the stand-in app's answer: it got through
  });

  it("names no cache tag for a name longer than any page has (a 1,000-character slug once swelled the headers past the tier's buffer)", async () => {
    for (const route of ["/articles/X", "/sections/X", "/tags/X", "/authors/X", "/api/v1/content/articles/X"]) {
      const answer = await send(route.replace("X", "a".repeat(1000)));
      expect(answer.status, route).toBe(404);
      expect(answer.headers["cache-tag"], route).toBeUndefined();
      expect(answer.headers["surrogate-key"], route).toBeUndefined();
    }
  });

  it("passes odd but sound segments to the app with a Cache-Tag a header can carry", async () => {
    for (const [what, segment] of ODD_SEGMENTS) {
      for (const route of ["/articles/X", "/sections/X", "/tags/X/2", "/authors/X", "/api/v1/content/articles/X"]) {
        const path = route.replace("X", segment);
        const answer = await send(path);
        expect(answer.status, `${what}: ${path}`).toBe(404);
        expect(answer.headers["cache-tag"], path).toMatch(/^[\x21-\x2b\x2d-\x7e]+(,[\x21-\x2b\x2d-\x7e]+)*$/);
      }
    }
    expect((await send("/sections/%C4%80")).headers["cache-tag"]).toBe("section:%C4%80");
    expect((await send("/articles/harbour-bridge-reopens")).headers["cache-tag"]).toBe("slug:harbour-bridge-reopens");
  }, 30_000);

  it("answers a withdrawn story's 410 itself, with the security headers", async () => {
    rememberWithdrawnSlugs(new Set(["recalled-story"]));
    const answer = await send("/articles/recalled-story");
    expect(answer.status).toBe(410);
    expect(answer.body).toContain("This article was withdrawn");
    expectSecurityHeaders(answer.headers);
  });

  it("stamps the socket's address: a peer header or edge stamp the client sent is overwritten", async () => {
    const answer = await send("/articles/anything", { "x-copydesk-peer": "203.0.113.9", "x-copydesk-edge": "guessed", "x-forwarded-for": "198.51.100.1" });
    expect(JSON.parse(answer.body)).toEqual({ address: "127.0.0.1" });
  });
});
