import { createServer, request as httpRequest, type IncomingHttpHeaders, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admissionSettings, createAdmission, isReaderRequest } from "@/lib/reader/admission.js";

/*
 * An instance past its capacity answers readers 503 with Retry-After at once (issue #27, item 4), in
 * front of a stand-in for Next that holds every request until the test lets it go: four reader
 * requests at once is this edge's capacity (READER_CONCURRENCY=4, set before the edge loads).
 */
process.env.READER_CONCURRENCY = "4";
await import("@/scripts/server-edge.mjs");

let server: Server;
let port: number;
const held: ServerResponse[] = [];
const reached: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    reached.push(`${request.method} ${request.url}`);
    if (request.url?.startsWith("/hold")) held.push(response);
    else response.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function send(path: string, method = "GET"): { answer: Promise<{ status: number; headers: IncomingHttpHeaders; ms: number }>; abort: () => void } {
  const started = performance.now();
  const outgoing = httpRequest({ host: "127.0.0.1", port, path, method, agent: false });
  const answer = new Promise<{ status: number; headers: IncomingHttpHeaders; ms: number }>((resolve, reject) => {
    outgoing.on("response", (response) => {
      response.resume().on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, ms: performance.now() - started }));
    });
    outgoing.on("error", reject);
  });
  outgoing.end();
  return { answer, abort: () => outgoing.destroy() };
}
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe("the server edge under load", () => {
  it("turns readers past its capacity away at once with 503 and Retry-After, never staff; a place comes back when a reader is done or gone", async () => {
    const readers = [1, 2, 3, 4].map((n) => send(`/hold/articles/story-${n}`));
    await until(() => held.length === 4);

    const turnedAway = await send("/articles/one-too-many").answer;
    expect(turnedAway.status).toBe(503);
    expect(turnedAway.headers["retry-after"]).toBe("1");
    expect(turnedAway.headers["cache-control"]).toBe("no-store");
    expect(turnedAway.ms).toBeLessThan(500);
    expect(reached).not.toContain("GET /articles/one-too-many");

    // The tier's refresh of a changed page is never turned away: it carries the change to readers.
    const refresh = httpRequest({ host: "127.0.0.1", port, path: "/articles/just-unpublished", headers: { "X-Copydesk-Refresh": "1" }, agent: false });
    const refreshed = new Promise<number>((resolve) => refresh.on("response", (response) => (response.resume(), resolve(response.statusCode ?? 0))));
    refresh.end();
    expect(await refreshed).toBe(200);

    // Staff and every change still reach the app, however many readers wait.
    for (const [path, method] of [["/newsroom", "GET"], ["/api/v1/newsroom/articles", "GET"], ["/api/v1/newsroom/articles/x/transitions", "POST"], ["/api/auth/session", "GET"], ["/login", "GET"], ["/api/health", "GET"]] as const) {
      expect((await send(path, method).answer).status, path).toBe(200);
    }

    // One reader finishes, another gives up: two places again.
    held.shift()!.writeHead(200).end("done");
    expect((await readers[0]!.answer).status).toBe(200);
    const gone = new Promise((resolve) => held[0]!.once("close", resolve));
    readers[1]!.answer.catch(() => {});
    readers[1]!.abort();
    await gone;
    expect((await send("/sections/news").answer).status).toBe(200);
    expect((await send("/sections/sport").answer).status).toBe(200);

    for (const response of held.splice(0)) if (!response.writableEnded) response.writeHead(200).end("done");
    await Promise.allSettled(readers.map((reader) => reader.answer));
  });
});

describe("admission", () => {
  it("counts places and gives each back once; a late event loop turns readers away too", () => {
    const admission = createAdmission({ limit: 2, lagLimitMs: 100 });
    expect([admission.tryAdmit(), admission.tryAdmit(), admission.tryAdmit()]).toEqual([true, true, false]);
    admission.release();
    expect(admission.tryAdmit()).toBe(true);
    admission.release();
    admission.release();
    admission.release();
    expect(admission.inFlight).toBe(0);
    admission.noteLag(250);
    expect(admission.tryAdmit()).toBe(false);
    admission.noteLag(3);
    expect(admission.tryAdmit()).toBe(true);
  });

  it("takes readers' requests as readers', and staff's, sign-in's and changes as never to be turned away", () => {
    for (const path of ["/", "/articles/a", "/sections/news", "/api/v1/content/articles", "/feed.xml", "/media/images/x/320.webp", "/newsroomx", "/loginpage"]) expect(isReaderRequest("GET", path), path).toBe(true);
    for (const path of ["/newsroom", "/newsroom/articles/1", "/login", "/invitations/t", "/account-links/x", "/preview/t", "/api/auth/session", "/api/internal/revalidate", "/api/health", "/api/v1/newsroom/articles", "/api/v1/syndication/feed", "/_next/static/chunks/app.js"]) expect(isReaderRequest("GET", path), path).toBe(false);
    expect(isReaderRequest("POST", "/articles/a")).toBe(false);
    expect(isReaderRequest("HEAD", "/")).toBe(true);
  });

  it("reads its settings from the environment, keeping the defaults for anything that is not a positive number", () => {
    expect(admissionSettings({})).toEqual({ limit: 32, lagLimitMs: 1000 });
    expect(admissionSettings({ READER_CONCURRENCY: "8", READER_MAX_LAG_MS: "250" })).toEqual({ limit: 8, lagLimitMs: 250 });
    expect(admissionSettings({ READER_CONCURRENCY: "-1", READER_MAX_LAG_MS: "lots" })).toEqual({ limit: 32, lagLimitMs: 1000 });
  });
});
