import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
import { freePort } from "@/scripts/lib/embedded-postgres";
import { NGINX, startReaderProxy, type Nginx } from "@/scripts/lib/nginx";
import { ROOT } from "@/scripts/lib/processes";
import { productionEnv } from "@/scripts/lib/seeded-app";
import { E2E_DATABASE_FILE, E2E_UPLOADS_FILE } from "@/scripts/lib/test-postgres";
import { signIn } from "@/scripts/lib/sign-in";
import { DEMO_PASSWORD, signedInPage } from "./support";

/*
 * Two app instances on one database behind the shipped reader tier: the e2e
 * server and a second `npm start` this spec runs. A story is unpublished
 * through the first, twenty times, while readers keep its page hot on the
 * tier and on the second instance; every time it must be gone from both
 * within a second. Then what leaves the tier (headers, the CDN purge hook,
 * request logs) and the second instance's shutdown while readers keep
 * reading. Timed, so it runs alone (playwright.config.ts); the tests share
 * the instances and run in order.
 */
test.describe.configure({ mode: "serial" });

const ROUNDS = 20;
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

let second: ChildProcess;
let secondUrl: string;
let tier: Nginx;
let tierUrl: string;
let prefix: string;
/** What the second instance writes (LOG_FORMAT=json), and what its CDN purge hook was sent. */
const secondLog: string[] = [];
const purges: { urls: string[]; tags: string[]; authorization: string | undefined }[] = [];
let purgeHook: Server;

test.afterAll(async () => {
  await tier?.stop();
  purgeHook?.close();
  if (second?.pid && second.exitCode === null) {
    const exited = new Promise((resolve) => second.once("exit", resolve));
    process.kill(-second.pid, "SIGTERM");
    await Promise.race([exited, sleep(15_000)]);
  }
  if (prefix) await rm(prefix, { recursive: true, force: true });
});

/** Milliseconds until `url` answers a status other than 200, asked every 20 ms. */
async function goneAfter(url: string, since: number, limitMs = 3_000): Promise<number> {
  while (Date.now() - since < limitMs) {
    if ((await fetch(url)).status !== 200) return Date.now() - since;
    await sleep(20);
  }
  return Number.POSITIVE_INFINITY;
}

test("an unpublish through one instance is gone from the tier and from the other instance within a second, every time", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  expect(NGINX, "nginx is needed for the reader tier (apt-get install nginx)").not.toBeNull();
  const firstPort = Number(new URL(baseURL!).port);
  const secondPort = await freePort();
  purgeHook = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk));
    request.on("end", () => {
      purges.push({ ...JSON.parse(body), authorization: request.headers.authorization });
      response.end();
    });
  });
  const purgePort = await freePort();
  await new Promise<void>((resolve) => purgeHook.listen(purgePort, "127.0.0.1", resolve));
  second = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(secondPort)], {
    cwd: ROOT,
    env: productionEnv((await readFile(E2E_DATABASE_FILE, "utf8")).trim(), secondPort, (await readFile(E2E_UPLOADS_FILE, "utf8")).trim(), {
      NEXTAUTH_URL: new URL(baseURL!).origin,
      READER_REFRESH_URL: `http://127.0.0.1:${firstPort + 1}`,
      CDN_PURGE_URL: `http://127.0.0.1:${purgePort}/purge`,
      CDN_PURGE_TOKEN: "cdn-token",
      LOG_FORMAT: "json",
    }),
    stdio: ["ignore", "pipe", "ignore"],
    detached: true,
  });
  // Lines are whole JSON objects; Next's start-up banner is not.
  second.stdout!.setEncoding("utf8").on("data", (chunk: string) => secondLog.push(...chunk.split("\n").filter((line) => line.startsWith("{"))));
  secondUrl = `http://127.0.0.1:${secondPort}`;
  await expect.poll(() => fetch(`${secondUrl}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);

  prefix = await mkdtemp(path.join(os.tmpdir(), "copydesk-instances-"));
  const publicPort = await freePort();
  // The e2e server refreshes through the listener on the port after its own (playwright.config.ts).
  tier = await startReaderProxy({ prefix, upstreams: [`127.0.0.1:${firstPort}`, `127.0.0.1:${secondPort}`], publicPort, refreshPort: firstPort + 1 });
  tierUrl = `http://127.0.0.1:${publicPort}`;

  const editor = await signedInPage(browser, "editor@example.com");
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Ferry timetable changes ${Date.now()}`, body: doc("Boats leave on the hour.") } })).json();
  const moves = `/api/v1/newsroom/articles/${created.id}/transitions`;
  const page = `/articles/${created.slug}`;

  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { version } = await (await editor.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
    expect((await editor.request.post(moves, { data: { action: "publish", version } })).ok()).toBe(true);
    // Readers keep the page hot: the second instance answers it from its cache, the tier from its own.
    await expect.poll(async () => (await fetch(`${secondUrl}${page}`)).headers.get("x-nextjs-cache"), { timeout: 5_000 }).toBe("HIT");
    await expect.poll(async () => (await fetch(`${tierUrl}${page}`)).status, { timeout: 5_000 }).toBe(200);

    const since = Date.now();
    expect((await editor.request.post(moves, { data: { action: "unpublish", note: `Round ${round + 1}.` } })).ok()).toBe(true);
    const [onTier, onSecond] = await Promise.all([goneAfter(`${tierUrl}${page}`, since), goneAfter(`${secondUrl}${page}`, since)]);
    timings.push(Math.max(onTier, onSecond));
  }
  const sorted = [...timings].sort((a, b) => a - b);
  console.log(`unpublish through instance 1 → gone from the tier and instance 2: median ${sorted[ROUNDS >> 1]} ms, max ${sorted[ROUNDS - 1]} ms over ${ROUNDS} rounds`);
  expect(timings.filter((ms) => ms >= 1_000)).toEqual([]);
});

test("what leaves the tier: no lifetime longer than its own, the page's cache tags, a request id the app logs; a change tells the CDN what to purge", async ({ baseURL }) => {
  // The change goes through the second instance, which has the CDN hook.
  const cookie = await signIn(secondUrl, "editor@example.com", DEMO_PASSWORD);
  const throughSecond = async (pathName: string, data: unknown) => {
    const response = await fetch(`${secondUrl}${pathName}`, { method: "POST", headers: { cookie, origin: new URL(baseURL!).origin, "content-type": "application/json" }, body: JSON.stringify(data) });
    expect(response.ok, `${pathName}: ${response.status}`).toBe(true);
    return response.json();
  };
  const created = await throughSecond("/api/v1/newsroom/articles", { headline: `Tram depot opens ${Date.now()}`, body: doc("Trams leave at six.") });
  await throughSecond(`/api/v1/newsroom/articles/${created.id}/transitions`, { action: "publish", version: created.version });
  const page = `/articles/${created.slug}`;

  await expect.poll(() => purges.find((purge) => purge.urls.includes(`${new URL(baseURL!).origin}${page}`)), { timeout: 5_000 }).toBeTruthy();
  const purge = purges.find((sent) => sent.urls.includes(`${new URL(baseURL!).origin}${page}`))!;
  expect(purge.tags).toEqual(expect.arrayContaining([`slug:${created.slug}`, "timeline"]));
  expect(purge.urls).toEqual(expect.arrayContaining([`${new URL(baseURL!).origin}/`, `${new URL(baseURL!).origin}/feed.xml`]));
  expect(purge.authorization).toBe("Bearer cdn-token");

  const first = await fetch(`${tierUrl}${page}`);
  const again = await fetch(`${tierUrl}${page}`);
  // From the stored copy: fresh (HIT), or past its second on a loaded machine and being refreshed meanwhile (UPDATING).
  expect(["HIT", "UPDATING"]).toContain(again.headers.get("x-cache"));
  for (const response of [first, again]) {
    expect(response.status).toBe(200);
    // Next says s-maxage=300 and more; nothing downstream may keep it longer than the tier's second.
    expect(response.headers.get("cache-control")).toBe("public, max-age=1");
    expect(response.headers.get("cache-tag")).toBe(`slug:${created.slug}`);
    expect(response.headers.get("surrogate-key")).toBe(`slug:${created.slug}`);
  }
  // Each reader gets an id of their own, also from a stored copy.
  expect(again.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
  // Staff pages pass the tier untouched: the app's own private, no-store.
  const staffAnswer = await fetch(`${tierUrl}/newsroom`, { redirect: "manual" });
  expect(staffAnswer.headers.get("cache-control")).toContain("no-store");

  // The tier's request id reaches the app's log line. The tier takes turns between the instances and
  // only the second writes JSON, so a few requests past the cache, one of which it answered.
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) ids.push((await fetch(`${tierUrl}${page}?reader=${Date.now()}-${i}`)).headers.get("x-request-id")!);
  const logged = () => secondLog.map((entry) => JSON.parse(entry) as Record<string, unknown>).filter((entry) => ids.includes(entry.requestId as string));
  await expect.poll(() => logged().length, { timeout: 5_000 }).toBeGreaterThan(0);
  expect(logged()[0]).toMatchObject({ event: "request", method: "GET", path: page, status: 200 });
  expect(typeof logged()[0]!.ms).toBe("number");
  expect(secondLog.some((entry) => JSON.parse(entry).event === "scheduler")).toBe(true);
});

test("a live entry posted through one instance reaches open pages served by the other and by the tier within the poll interval and two seconds", async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await signedInPage(browser, "editor@example.com");
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { kind: "live", headline: `Flood watch live ${Date.now()}`, body: doc("Rivers are rising.") } })).json();
  expect((await editor.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: created.version } })).ok()).toBe(true);
  const readers = await Promise.all(
    [secondUrl, tierUrl].map(async (origin) => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${origin}/articles/${created.slug}`);
      await expect(page.getByText("No updates yet.")).toBeVisible();
      return page;
    }),
  );
  const since = Date.now();
  const entry = await (await editor.request.post(`/api/v1/newsroom/articles/${created.id}/entries`, { data: { body: doc("The river burst its banks at the mill.") } })).json();
  const fresh = await Promise.all(
    [secondUrl, tierUrl].map(async (origin) => {
      await expect.poll(async () => JSON.stringify(await (await fetch(`${origin}/articles/${created.slug}/updates.json`)).json()), { timeout: 2_000, intervals: [50] }).toContain(entry.id);
      return Date.now() - since;
    }),
  );
  await Promise.all(readers.map((page) => expect(page.getByRole("button", { name: "1 new update" })).toBeVisible({ timeout: 12_000 })));
  console.log(`entry through instance 1 → in the updates address of instance 2 ${fresh[0]} ms, of the tier ${fresh[1]} ms; offered on both open pages after ${Date.now() - since} ms`);
});

test("SIGTERM: the instance finishes the request in flight, takes no new ones, and the tier keeps serving from the other", async () => {
  const { port } = new URL(secondUrl);
  // A sign-in whose body is still arriving when the signal comes.
  const socket = net.connect(Number(port), "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  const body = "csrfToken=x&email=nobody%40example.com&password=wrong-password";
  socket.write(`POST /api/auth/callback/credentials HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`);
  let answer = "";
  socket.setEncoding("utf8").on("data", (chunk: string) => (answer += chunk));
  const closed = new Promise((resolve) => socket.once("close", resolve));
  await sleep(300);

  const exited = new Promise<number | null>((resolve) => second.once("exit", (code) => resolve(code)));
  process.kill(-second.pid!, "SIGTERM");
  const readers = Array.from({ length: 40 }, async (_, i) => {
    await sleep(i * 25);
    return (await fetch(`${tierUrl}/?reader=${Date.now()}-${i}`)).status;
  });
  // A new connection, not fetch: its pool may hold a kept-alive one the instance still answers on.
  const connecting = () =>
    new Promise<string>((resolve) => {
      const probe = net.connect(Number(port), "127.0.0.1");
      probe.once("connect", () => (probe.destroy(), resolve("accepted")));
      probe.once("error", () => resolve("refused"));
    });
  await expect.poll(connecting, { timeout: 5_000 }).toBe("refused");
  socket.end(body.slice(10));
  await closed;
  expect(answer).toMatch(/^HTTP\/1\.1 \d{3} /);
  expect(await Promise.all(readers)).toEqual(Array(40).fill(200));
  expect(await Promise.race([exited, sleep(15_000).then(() => "still running")])).not.toBe("still running");
});
