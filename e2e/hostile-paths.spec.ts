import { request as httpRequest } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "@/scripts/lib/embedded-postgres";
import { NGINX, startReaderProxy, type Nginx } from "@/scripts/lib/nginx";
import { at, BAD_SEGMENTS, ODD_SEGMENTS, READER_ROUTES } from "@/tests/support/hostile-paths";

/*
 * Issue #22: a control character or a code point above U+00FF in a slug hung the request for minutes
 * (through the tier: 504 after 120 s, both instances marked down, other readers got 502), and malformed
 * escapes answered 500 on section, tag and author routes. Every hostile path, on the instance and
 * through the shipped tier: a prompt 4xx, never a hang or a 5xx; afterwards health still answers and an
 * ordinary article still serves. And the tier's cache bypass: only next-auth's exact session cookie
 * names, never a cookie whose name merely starts alike.
 */
test.describe.configure({ mode: "serial" });

let tier: Nginx | undefined;
let prefix: string | undefined;
let tierUrl: string;
let article: string;

test.afterAll(async () => {
  await tier?.stop();
  if (prefix) await rm(prefix, { recursive: true, force: true });
});

/**
 * GET with the path exactly as given (fetch would normalise it); no answer within `limitMs` is a hang. The
 * bug took minutes; 5 s leaves room for a 404 page rendered while other specs load both cores (the hostile
 * suite, run alone, holds every answer to 2 s).
 */
function get(base: string, pathName: string, headers: Record<string, string> = {}, limitMs = 5_000): Promise<{ status: number; ms: number; headers: Record<string, string | string[] | undefined> }> {
  const { hostname, port } = new URL(base);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: hostname, port, path: pathName, headers, agent: false, timeout: limitMs }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: Math.round(performance.now() - started), headers: response.headers }));
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${limitMs} ms: ${pathName}`)));
    outgoing.on("error", reject);
    outgoing.end();
  });
}

test.beforeAll(async ({ baseURL }) => {
  expect(NGINX, "nginx is needed for the reader tier (apt-get install nginx)").not.toBeNull();
  const front = await (await fetch(`${baseURL}/`)).text();
  article = /href="(\/articles\/[a-z0-9-]+)"/.exec(front)?.[1] ?? "";
  expect(article, "the front page links a story").not.toBe("");
  prefix = await mkdtemp(path.join(os.tmpdir(), "copydesk-hostile-paths-"));
  const publicPort = await freePort();
  // Its own refresh port: nothing here needs the app's refreshes, and other specs' tiers use the app's.
  tier = await startReaderProxy({ prefix, upstreams: [`127.0.0.1:${new URL(baseURL!).port}`], publicPort, refreshPort: await freePort() });
  tierUrl = `http://127.0.0.1:${publicPort}`;
});

test("every hostile path on every reader route is a prompt 4xx, never a hang, on the instance and through the tier, and both keep serving", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const escaped = BAD_SEGMENTS.filter(([, segment]) => /^[\x21-\x7e]*$/.test(segment));
  const notRefused: string[] = [];
  for (const [where, base] of [["instance", baseURL!], ["tier", tierUrl]] as const) {
    for (const route of READER_ROUTES) {
      for (const [what, segment] of [...escaped, ...ODD_SEGMENTS]) {
        const pathName = at(route, segment);
        const answer = await get(base, pathName);
        expect(answer.status, `${where} ${what}: ${pathName}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${where} ${what}: ${pathName}`).toBeLessThan(500);
        if (escaped.some(([, bad]) => bad === segment) && answer.status !== 400) notRefused.push(`${where} ${pathName} → ${answer.status}`);
      }
    }
    // Issue #22's own examples, by name.
    for (const pathName of ["/articles/%0a", "/tags/%00", "/sections/%C4%80", "/sections/%C3%28", "/articles/%E0%A4%A", "/api/v1/content/articles/%0a", "/authors/%ED%A0%80"]) {
      const answer = await get(base, pathName);
      expect(answer.status, `${where} ${pathName}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${where} ${pathName}`).toBeLessThan(500);
    }
  }
  // The edge refuses the undecodable ones itself; nginx may refuse a few first (an escaped NUL), also a 400.
  expect(notRefused).toEqual([]);

  for (const base of [baseURL!, tierUrl]) {
    expect((await get(base, "/api/health", {}, 5_000)).status, `${base} health`).toBe(200);
    expect((await get(base, article, {}, 5_000)).status, `${base} ${article}`).toBe(200);
  }
});

test("the tier bypasses its cache only for next-auth's exact session cookie names", async () => {
  const page = `${article}?cookies=${Date.now()}`;
  const cacheStatus = async (cookie: string) => (await get(tierUrl, page, { cookie }, 5_000)).headers["x-cache"];
  // Warm the entry, then: look-alike names are anonymous readers, served from the cache.
  await get(tierUrl, page, {}, 5_000);
  for (const cookie of ["next-auth.session-token-x=1", "__Secure-next-auth.session-tokenX=1", "xnext-auth.session-token=1", "theme=dark; my-next-auth.session-token=1", "next-auth.session-tokens=1"]) {
    expect(await cacheStatus(cookie), cookie).toBe("HIT");
  }
  // The real names (plain, production's __Secure-, next-auth's chunks), alone or among others, never are.
  for (const cookie of ["next-auth.session-token=abc", "__Secure-next-auth.session-token=abc", "theme=dark; __Secure-next-auth.session-token=abc", "theme=dark;next-auth.session-token=abc", "__Secure-next-auth.session-token.0=abc"]) {
    expect(await cacheStatus(cookie), cookie).toBe("BYPASS");
  }
});
