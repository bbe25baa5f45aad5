import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
import { freePort } from "@/scripts/lib/embedded-postgres";
import { NGINX, startReaderProxy, type Nginx } from "@/scripts/lib/nginx";
import { ROOT } from "@/scripts/lib/processes";
import { productionEnv } from "@/scripts/lib/seeded-app";
import { E2E_DATABASE_FILE, E2E_UPLOADS_FILE } from "@/scripts/lib/test-postgres";
import { signedInPage } from "./support";

/*
 * Two app instances on one database behind the shipped reader tier: the e2e
 * server and a second `npm start` this spec runs. A story is unpublished
 * through the first, twenty times, while readers keep its page hot on the
 * tier and on the second instance; every time it must be gone from both
 * within a second. Timed, so it runs alone (playwright.config.ts).
 */
const ROUNDS = 20;
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

let second: ChildProcess;
let tier: Nginx;
let prefix: string;

test.afterAll(async () => {
  await tier?.stop();
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
  second = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(secondPort)], {
    cwd: ROOT,
    env: productionEnv((await readFile(E2E_DATABASE_FILE, "utf8")).trim(), secondPort, (await readFile(E2E_UPLOADS_FILE, "utf8")).trim(), {
      NEXTAUTH_URL: new URL(baseURL!).origin,
      READER_REFRESH_URL: `http://127.0.0.1:${firstPort + 1}`,
    }),
    stdio: "ignore",
    detached: true,
  });
  const secondUrl = `http://127.0.0.1:${secondPort}`;
  await expect.poll(() => fetch(`${secondUrl}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);

  prefix = await mkdtemp(path.join(os.tmpdir(), "copydesk-instances-"));
  const publicPort = await freePort();
  // The e2e server refreshes through the listener on the port after its own (playwright.config.ts).
  tier = await startReaderProxy({ prefix, upstreams: [`127.0.0.1:${firstPort}`, `127.0.0.1:${secondPort}`], publicPort, refreshPort: firstPort + 1 });
  const tierUrl = `http://127.0.0.1:${publicPort}`;

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
