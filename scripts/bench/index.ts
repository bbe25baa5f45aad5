import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "../lib/embedded-postgres";
import { bin, nextServerEnv, ROOT, runInherited, stopChild } from "../lib/processes";
import { forgetCachedReads, productionEnv, seededDatabase } from "../lib/seeded-app";
import { startTestServer } from "../lib/test-postgres";
import { fillNewsroom } from "./fill";
import { signIn } from "../lib/sign-in";
import { diskBytes, hotPageChanges, madeUpRequests, rssKiB } from "./freshness";
import { liveEntryRows, postsWhileReadersPoll, startLiveBlog } from "./live";
import { load, LOAD_TOOL, percentiles, readersInBackground, type LoadResult } from "./load";
import { printRenditionRows, renditionRows, type RenditionRows } from "./renditions";
import { phoneRows, printPhoneRows } from "./phone";
import { NGINX, startReaderProxy, startStaticBaseline, type Nginx } from "../lib/nginx";

/**
 * `npm run bench`: a realistic newsroom in a separate database, the
 * production build behind the shipped nginx reader tier, and every figure
 * the benchmark issue asks for, next to nginx serving the same article HTML
 * from disk. BENCH_ARTICLES and BENCH_SECONDS shrink it; BENCH_SMOKE=1 makes
 * it a harness check (one request each, no speed claims) for `npm test`.
 */
const SMOKE = process.env.BENCH_SMOKE === "1";
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? (SMOKE ? 60 : 100_000));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 10));
const WARMUP_SECONDS = 1;
const CONNECTIONS = SMOKE ? [1] : [1, 16, 64];
const SAMPLES = SMOKE ? 3 : 50;
const HOT_ROUNDS = SMOKE ? 1 : 10;
/** Readers of a live blog poll at the follower's interval (10 s); the smoke run keeps the harness check short. */
const LIVE = SMOKE ? { entries: 3, rounds: 1, readers: 2, pollSeconds: 1, pollingConnections: 4 } : { entries: 30, rounds: 5, readers: 20, pollSeconds: 10, pollingConnections: 16 };
const MADE_UP = SMOKE ? { slugs: 20, cursors: 10 } : { slugs: 10_000, cursors: 2_000 };
const SKIP_BUILD = SMOKE || process.env.BENCH_SKIP_BUILD === "1";
/** Readers through the tier while a hot page changes (BENCH_READER_RATE req/s): a busy story on a busy site. */
const READER_RATE = Number(process.env.BENCH_READER_RATE ?? (SMOKE ? 50 : 2_000));
const MODE_LABELS = { realistic: `readers through the tier at ${READER_RATE} req/s`, pathological: "readers hammering both instances directly (worst case)" };
const log = (line: string) => console.log(`[bench] ${line}`);

const work = await mkdtemp(path.join(os.tmpdir(), "copydesk-bench-"));
const cleanups: (() => Promise<unknown>)[] = [() => rm(work, { recursive: true, force: true })];
const cleanUp = async () => {
  for (const step of cleanups.reverse()) await step().catch(() => {});
};
process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));

try {
  // 1. The newsroom.
  const server = await startTestServer();
  cleanups.push(() => server.stop());
  const uploads = path.join(work, "uploads");
  const databaseUrl = await seededDatabase(server, `copydesk_bench_${Date.now()}`, uploads);
  await forgetCachedReads();
  const fill = await fillNewsroom(databaseUrl, ARTICLES);
  log(`filled ${fill.articles} articles in ${fill.seconds.toFixed(1)} s`);

  // 2. Two production instances on the one database, behind the reader tier; the direct figures are instance 1's.
  if (!SKIP_BUILD) {
    log("building (next build)…");
    const { exited } = runInherited(bin("next"), ["build"]);
    if ((await exited) !== 0) throw new Error("next build failed");
  }
  const appPorts = [await freePort(), await freePort()];
  const publicPort = await freePort();
  const refreshPort = await freePort();
  const instances = appPorts.map((port) => {
    const instance = runInherited(
      bin("next"),
      ["start", "--port", String(port)],
      nextServerEnv(productionEnv(databaseUrl, port, uploads, NGINX ? { READER_REFRESH_URL: `http://127.0.0.1:${refreshPort}` } : {})),
    );
    cleanups.push(() => stopChild(instance.child, instance.exited));
    return instance;
  });
  const [direct, second] = appPorts.map((port) => `http://127.0.0.1:${port}`) as [string, string];
  await Promise.all([waitFor(`${direct}/api/health`), waitFor(`${second}/api/health`)]);
  const memory = instances.map((instance) => watchMemory(instance.child.pid!));
  cleanups.push(async () => memory.forEach((watch) => watch.stop()));

  let proxy: Nginx | null = null;
  const proxied = `http://127.0.0.1:${publicPort}`;
  if (NGINX) {
    proxy = await startReaderProxy({ prefix: path.join(work, "proxy"), upstreams: appPorts.map((port) => `127.0.0.1:${port}`), publicPort, refreshPort });
    cleanups.push(() => proxy!.stop());
  } else {
    log("nginx is not installed: the proxy and the static baseline are skipped (apt-get install nginx)");
  }

  // 2b. Reader pages on a phone (Lighthouse mobile): while the machine is quiet, before the load rows, and before
  // the live blog below, which would lead the front page without a photo.
  log("reader pages on a phone (Lighthouse mobile)…");
  const phoneStarted = performance.now();
  const phone = await phoneRows(NGINX ? proxied : direct, fill.sectionSlug, { smoke: SMOKE });
  log(`reader pages on a phone measured in ${((performance.now() - phoneStarted) / 1000).toFixed(0)} s`);

  // Staff requests go to instance 1, signed in as an editor.
  const cookie = await signIn(direct, "editor@example.com", "copydesk-demo");
  const staff = (pathName: string, init: RequestInit = {}) => () => fetch(`${direct}${pathName}`, { ...init, headers: { cookie, "content-type": "application/json", ...init.headers } });
  const staffJson = async (pathName: string, init: RequestInit = {}) => {
    const response = await staff(pathName, init)();
    if (!response.ok) throw new Error(`${init.method ?? "GET"} ${pathName}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const liveBlog = await startLiveBlog(staffJson, LIVE.entries);

  // 3. Reader pages under load.
  const pages = {
    article: `/articles/${fill.sampleSlug}`,
    home: "/",
    section: `/sections/${fill.sectionSlug}`,
    "content API": "/api/v1/content/articles",
    "live updates": liveBlog.updates,
  };
  const articleHtml = await (await fetch(`${direct}${pages.article}`)).text();
  let baseline: LoadResult[] = [];
  if (NGINX) {
    const port = await freePort();
    const staticServer = await startStaticBaseline({ prefix: path.join(work, "static"), port, html: articleHtml });
    cleanups.push(() => staticServer.stop());
    baseline = await underLoad(`http://127.0.0.1:${port}/`);
    await staticServer.stop();
  }
  const reader: Record<string, { direct: LoadResult[]; proxied: LoadResult[] }> = {};
  for (const [name, pagePath] of Object.entries(pages)) {
    // Through the proxy only at the busiest load: that is where the tier earns its keep, and it keeps a quick run quick.
    reader[name] = { direct: await underLoad(`${direct}${pagePath}`, CONNECTIONS, { countShed: true }), proxied: NGINX ? await underLoad(`${proxied}${pagePath}`, CONNECTIONS.slice(-1)) : [] };
  }

  // 3b. Renditions: every one the sample article names, asked for twice, straight from instance 1.
  const renditions = await renditionRows(direct, pages.article);

  // 4. The newsroom, signed in as an editor.
  const timed = async (request: () => Promise<Response>) => {
    const start = performance.now();
    const response = await request();
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    return performance.now() - start;
  };
  const repeat = async (request: () => Promise<Response>) => {
    await timed(request);
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) samples.push(await timed(request));
    return percentiles(samples);
  };
  const dashboard = await repeat(staff("/newsroom"));
  const reviewQueue = await repeat(staff("/newsroom?status=IN_REVIEW"));

  const draft = await (await staff("/api/v1/newsroom/articles", { method: "POST", body: JSON.stringify({ headline: "Bench save target" }) })()).json() as { id: string; version: number };
  let version = draft.version;
  const saveSamples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    const response = await staff(`/api/v1/newsroom/articles/${draft.id}`, { method: "PATCH", body: JSON.stringify({ version, standfirst: `Edit number ${i}` }) })();
    version = ((await response.json()) as { version: number }).version;
    saveSamples.push(performance.now() - start);
  }
  const publishSamples: number[] = [];
  const visible: Record<string, number[]> = { "article (proxy)": [], "home (proxy)": [], "feed (proxy)": [], "article (direct)": [], "home (direct)": [], "feed (direct)": [] };
  for (let i = 0; i < (SMOKE ? 1 : 5); i++) {
    const headline = `Bench breaking story ${Date.now()} ${i}`;
    const created = await (await staff("/api/v1/newsroom/articles", { method: "POST", body: JSON.stringify({ headline, standfirst: "Breaking." }) })()).json() as { id: string; slug: string; version: number };
    const start = performance.now();
    const published = await staff(`/api/v1/newsroom/articles/${created.id}/transitions`, { method: "POST", body: JSON.stringify({ action: "publish", version: created.version }) })();
    const publishedAt = performance.now();
    publishSamples.push(publishedAt - start);
    if (!published.ok) throw new Error(`publish failed: ${published.status}`);
    const targets = { article: `/articles/${created.slug}`, home: "/", feed: "/feed.xml" };
    await Promise.all(
      Object.entries(targets).flatMap(([name, target]) =>
        [["direct", direct], ...(NGINX ? [["proxy", proxied]] : [])].map(async ([via, base]) => {
          visible[`${name} (${via})`]!.push(await untilVisible(`${base}${target}`, headline, publishedAt));
        }),
      ),
    );
  }

  // 5. A hot page changed through instance 1: how soon the tier, instance 1 and instance 2 stop showing the old one.
  // Twice: readers through the tier at a steady rate, as in production (the instances then serve refreshes and the
  // newsroom); and the worst case, readers hammering both instances directly, as fast as they go.
  const watched = { ...(NGINX ? { "through the proxy": proxied } : {}), "instance 1 (direct)": direct, "instance 2": second };
  const hotPage = {
    realistic: await hotPageChanges(staffJson, watched, HOT_ROUNDS, NGINX ? (pagePath) => readersInBackground([`${proxied}${pagePath}`, `${proxied}/`], { connections: 8, requestsPerSecond: READER_RATE }) : undefined),
    pathological: await hotPageChanges(staffJson, watched, HOT_ROUNDS, LOAD_TOOL === "wrk" ? (pagePath) => readersInBackground([`${direct}${pagePath}`, `${second}${pagePath}`], { connections: 32, requestsPerSecond: null }) : undefined),
  };

  // 5b. Live coverage: an entry posted → seen by readers polling through the tier; deleted → gone from the tier; the post's own time.
  const live = NGINX ? await liveEntryRows(staffJson, proxied, liveBlog, LIVE) : null;
  const postsUnderPolling = NGINX ? await postsWhileReadersPoll(staffJson, proxied, liveBlog, SAMPLES, LIVE.pollingConnections) : [];

  // 6. Made-up URLs: what they leave behind in instance 1's memory and on disk.
  const buildFolder = path.join(ROOT, ".next");
  const appPid = instances[0]!.child.pid!;
  const before = { rssMiB: (await rssKiB(appPid)) / 1024, buildFolderBytes: await diskBytes(buildFolder) };
  const madeUp = await madeUpRequests(direct, MADE_UP.slugs, MADE_UP.cursors);
  const after = { rssMiB: (await rssKiB(appPid)) / 1024, buildFolderBytes: await diskBytes(buildFolder) };
  const proxyCacheBefore = NGINX ? await diskBytes(path.join(work, "proxy", "cache")) : 0;
  if (NGINX) await madeUpRequests(proxied, MADE_UP.slugs, MADE_UP.cursors);
  const proxyCacheAfter = NGINX ? await diskBytes(path.join(work, "proxy", "cache")) : 0;

  const results = {
    when: new Date().toISOString(),
    machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadTool: LOAD_TOOL },
    settings: { articles: ARTICLES, seconds: SECONDS, smoke: SMOKE },
    fill,
    baseline,
    reader,
    readerPhone: phone,
    newsroom: { dashboard, reviewQueue, saveDraft: percentiles(saveSamples), publish: percentiles(publishSamples) },
    publishToVisibleMs: Object.fromEntries(Object.entries(visible).filter(([, samples]) => samples.length > 0).map(([name, samples]) => [name, percentiles(samples)])),
    hotPageChangeMs: Object.fromEntries(
      Object.entries(hotPage).flatMap(([mode, changes]) => [
        [`unpublish → gone, ${MODE_LABELS[mode as keyof typeof hotPage]}`, Object.fromEntries(Object.entries(changes.unpublish).map(([name, samples]) => [name, percentiles(samples)]))],
        [`publish changes → visible, ${MODE_LABELS[mode as keyof typeof hotPage]}`, Object.fromEntries(Object.entries(changes.publishChanges).map(([name, samples]) => [name, percentiles(samples)]))],
      ]),
    ),
    renditions,
    liveMs: live && {
      postToSeenByPollingReader: percentiles(live.postToSeen),
      deleteToGoneFromTier: percentiles(live.deleteToGone),
      postAnsweredWhileReadersPoll: percentiles([...live.postAnswered, ...postsUnderPolling]),
    },
    madeUpUrls: { ...madeUp, before, after, proxyCacheBytes: { before: proxyCacheBefore, after: proxyCacheAfter } },
    peakRssMiB: Math.round(memory[0]!.stop() / 1024),
    secondInstancePeakRssMiB: Math.round(memory[1]!.stop() / 1024),
  };
  report(results);
  const folder = path.join(ROOT, "bench", "results");
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${results.when.replace(/[:.]/g, "-")}${SMOKE ? "-smoke" : ""}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`figures written to ${path.relative(ROOT, file)}`);
  await cleanUp();
  process.exit(0);
} catch (error) {
  console.error(error);
  await cleanUp();
  process.exit(1);
}

/** `countShed` for Next alone: its quick 503s (an instance past its capacity) are counted apart from errors. */
async function underLoad(url: string, connectionCounts = CONNECTIONS, { countShed = false } = {}): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const connections of connectionCounts) {
    await load(url, connections, WARMUP_SECONDS);
    results.push(await load(url, connections, SECONDS, { countShed }));
  }
  return results;
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await fetch(url).catch(() => null))?.ok) return;
    await sleep(250);
  }
  throw new Error(`${url} did not come up`);
}

async function untilVisible(url: string, text: string, since: number): Promise<number> {
  for (;;) {
    const body = await (await fetch(url)).text();
    if (body.includes(text)) return performance.now() - since;
    if (performance.now() - since > 10_000) return Infinity;
    await sleep(5);
  }
}

/** Peak resident memory (KiB) of the server process and its children, polled twice a second. */
function watchMemory(pid: number) {
  let peak = 0;
  const read = async () => {
    const pids = [pid, ...(await readFile(`/proc/${pid}/task/${pid}/children`, "utf8").catch(() => "")).split(" ").filter(Boolean).map(Number)];
    let total = 0;
    for (const p of pids) total += await rssKiB(p);
    peak = Math.max(peak, total);
  };
  const timer = setInterval(() => void read(), 500);
  void read();
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

function report(results: {
  fill: { articles: number; seconds: number };
  readerPhone: Parameters<typeof printPhoneRows>[0];
  baseline: LoadResult[];
  reader: Record<string, { direct: LoadResult[]; proxied: LoadResult[] }>;
  newsroom: Record<string, { p50: number; p95: number }>;
  publishToVisibleMs: Record<string, { p50: number; p95: number }>;
  hotPageChangeMs: Record<string, Record<string, { p50: number; p95: number; max: number }>>;
  renditions: RenditionRows;
  liveMs: Record<string, { p50: number; p95: number; max: number }> | null;
  madeUpUrls: { requests: number; before: { rssMiB: number; buildFolderBytes: number }; after: { rssMiB: number; buildFolderBytes: number }; proxyCacheBytes: { before: number; after: number } };
  peakRssMiB: number;
  secondInstancePeakRssMiB: number;
}) {
  const f = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : "—");
  const base = (connections: number) => results.baseline.find((r) => r.connections === connections)?.rps;
  // Served: answers other than the quick 503s an instance past its capacity gives (lib/reader/admission.js).
  const served = (r: LoadResult) => (r.requests > 0 ? (r.rps * (r.requests - r.shed)) / r.requests : 0);
  const rows: string[][] = [["page", "via", "conns", "served req/s", "p50 ms", "p90 ms", "p99 ms", "errors", "503 shed", "× nginx static"]];
  for (const r of results.baseline) rows.push(["article HTML from disk", "nginx static", String(r.connections), f(r.rps), f(r.p50), f(r.p90), f(r.p99), String(r.errors), "—", "1.00"]);
  for (const [page, runs] of Object.entries(results.reader)) {
    for (const [via, list] of [["next", runs.direct], ["nginx proxy", runs.proxied]] as const) {
      for (const r of list) {
        const b = base(r.connections);
        rows.push([page, via, String(r.connections), f(served(r)), f(r.p50), f(r.p90), f(r.p99), String(r.errors), via === "next" ? String(r.shed) : "—", b ? (served(r) / b).toFixed(2) : "—"]);
      }
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  console.log(`\nFilled ${results.fill.articles} articles in ${results.fill.seconds.toFixed(1)} s\n`);
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
  printPhoneRows(results.readerPhone);
  printRenditionRows(results.renditions);
  console.log("\nnewsroom                 p50 ms   p95 ms");
  for (const [name, p] of Object.entries(results.newsroom)) console.log(`${name.padEnd(24)} ${f(p.p50).padStart(6)}   ${f(p.p95).padStart(6)}`);
  console.log("\npublish → visible        p50 ms   p95 ms");
  for (const [name, p] of Object.entries(results.publishToVisibleMs)) console.log(`${name.padEnd(24)} ${f(p.p50).padStart(6)}   ${f(p.p95).padStart(6)}`);
  for (const [change, byPlace] of Object.entries(results.hotPageChangeMs)) {
    console.log(`\nhot page, ${change.padEnd(24)} p50 ms   p95 ms   max ms`);
    for (const [name, p] of Object.entries(byPlace)) console.log(`  ${name.padEnd(34)} ${f(p.p50).padStart(6)}   ${f(p.p95).padStart(6)}   ${f(p.max).padStart(6)}`);
  }
  if (results.liveMs) {
    console.log(`\nlive coverage                            p50 ms   p95 ms   max ms`);
    for (const [name, p] of Object.entries(results.liveMs)) console.log(`  ${name.padEnd(38)} ${f(p.p50).padStart(6)}   ${f(p.p95).padStart(6)}   ${f(p.max).padStart(6)}`);
  }
  const { madeUpUrls: m } = results;
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(`\n${m.requests} made-up URLs: instance 1 RSS ${m.before.rssMiB.toFixed(0)} → ${m.after.rssMiB.toFixed(0)} MiB, .next ${mib(m.before.buildFolderBytes)} → ${mib(m.after.buildFolderBytes)} MiB; through the proxy, its cache ${mib(m.proxyCacheBytes.before)} → ${mib(m.proxyCacheBytes.after)} MiB`);
  console.log(`\npeak server RSS: ${results.peakRssMiB} MiB (instance 2: ${results.secondInstancePeakRssMiB} MiB)\n`);
}
