import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, type WriteStream } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "./lib/embedded-postgres";
import { bodyProbes, headerProbes, imageProbes, manyKeyProbes, pathProbes, type Context, type Probe } from "./lib/hostile-inputs";
import { NGINX, startReaderProxy, type Nginx } from "./lib/nginx";
import { bin, ROOT, runInherited } from "./lib/processes";
import { forgetCachedReads, productionEnv, seededDatabase } from "./lib/seeded-app";
import { signIn } from "./lib/sign-in";
import { startTestServer, type TestServer } from "./lib/test-postgres";

/**
 * `npm run test:hostile`: about 1,900 generated bad inputs — paths,
 * escapes, headers, bodies, nested documents, images — sent to two
 * production instances (started with the server edge, as `npm start` does)
 * through the shipped nginx tier, over the seeded newsroom in an embedded
 * PostgreSQL. A bad input must get a 4xx (or a harmless 2xx/3xx), never a
 * 5xx, never take over 2 s, never take an instance down. Prints one row per
 * batch and every 5xx and hang with its input; exits 1 on any of them, or
 * on a restart. Left in test-results/hostile/: each instance's output, the
 * tier's error log, failures.txt (every failure) and results.tsv (every
 * input and its answer).
 */
const CLIENT_TIMEOUT_MS = 5_000;
const HANG_MS = 2_000;
const CONCURRENCY = 4;
const MAX_RESTARTS = 5;
const PASSWORD = process.env.SEED_PASSWORD ?? "copydesk-demo";
const LOGS = path.join(ROOT, "test-results", "hostile");
const log = (line: string) => console.log(`[hostile] ${line}`);


interface Outcome {
  status: number | null;
  ms: number;
  error?: string;
  /** who wrote a 5xx: the tier's own error page (no instance answered in time) or the app */
  from?: "tier" | "app";
}

interface Result {
  probe: Probe;
  outcome: Outcome;
  retry?: Outcome;
  /** how often it met the tier with no live instance, because of another input, before this outcome */
  masked?: number;
}

// ───────────────────────────── the stack ─────────────────────────────

if (!NGINX) {
  console.error("[hostile] nginx is not installed: the suite goes through the shipped reader tier (Debian: apt-get install nginx).");
  process.exit(1);
}
if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  log("no production build yet: building");
  const { exited } = runInherited(bin("next"), ["build"]);
  if ((await exited) !== 0) process.exit(1);
}

const work = await mkdtemp(path.join(os.tmpdir(), "copydesk-hostile-"));
await rm(LOGS, { recursive: true, force: true });
await mkdir(LOGS, { recursive: true });
const uploads = path.join(work, "uploads");
let server: TestServer | undefined;
let tier: Nginx | undefined;
let stopping = false;

interface Instance {
  index: number;
  port: number;
  child: ChildProcess;
  exits: string[];
  logFile: WriteStream;
}
const instances: Instance[] = [];
let appEnv: NodeJS.ProcessEnv = process.env;

/** Like `npm start`: scripts/start.ts migrates, then runs `next start` with the edge preloaded. Its own process group, so a stop reaches next-server too. */
function spawnInstance(instance: Pick<Instance, "index" | "port" | "logFile" | "exits">): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(instance.port)], { cwd: ROOT, env: appEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout!.pipe(instance.logFile, { end: false });
  child.stderr!.pipe(instance.logFile, { end: false });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    const what = `instance ${instance.index + 1} exited (${signal ?? `code ${code}`}) during the "${currentBatch}" batch`;
    instance.exits.push(what);
    if (instance.exits.length > MAX_RESTARTS) return log(`${what}; not starting it again (${MAX_RESTARTS} restarts already)`);
    log(`${what}: starting it again`);
    const again = instances[instance.index];
    if (again) again.child = spawnInstance(again);
  });
  return child;
}

function killInstance(instance: Instance, signal: NodeJS.Signals) {
  try {
    process.kill(-instance.child.pid!, signal);
  } catch {
    // already gone
  }
}

async function healthy(port: number, limitMs: number): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) }).then((r) => r.ok, () => false);
    if (ok) return true;
    await sleep(200);
  }
  return false;
}

async function cleanUp() {
  stopping = true;
  await tier?.stop().catch(() => {});
  for (const instance of instances) killInstance(instance, "SIGTERM");
  await sleep(1_000);
  for (const instance of instances) killInstance(instance, "SIGKILL");
  await server?.stop().catch(() => {});
  await copyFile(path.join(work, "tier", "error.log"), path.join(LOGS, "nginx-error.log")).catch(() => {});
  await rm(work, { recursive: true, force: true });
}
process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));

let currentBatch = "start-up";
const unhealthy: string[] = [];

/** Between batches: each instance must still answer /api/health directly (an exit was already counted and the instance started again). */
async function checkInstances(batch: string) {
  for (const instance of instances) {
    if (await healthy(instance.port, 3_000)) continue;
    unhealthy.push(`instance ${instance.index + 1} did not answer /api/health after the "${batch}" batch`);
    log(`instance ${instance.index + 1} is not healthy after "${batch}"; waiting for it`);
    await healthy(instance.port, 60_000);
  }
}

// ───────────────────────────── sending ─────────────────────────────

/**
 * After a batch: the tier must route again. An instance nginx gave up on is taken back after fail_timeout
 * (10 s), and each nginx worker keeps its own count (no shared upstream zone), so one worker answering
 * /api/health proves nothing about the others: after any tier 5xx, wait the 10 s out first.
 */
async function tierBack(batch: string, tierFailed: boolean) {
  if (tierFailed) await sleep(11_000);
  if (await healthy(publicPort, 20_000)) return;
  unhealthy.push(`the tier did not route to any instance for 20 s after the "${batch}" batch`);
}

/** The tier's error log so far: for each request line, what nginx said about it. */
const tierComplaints = () => tierComplaintsFrom(path.join(work, "tier", "error.log"));
async function tierComplaintsFrom(file: string): Promise<Map<string, Set<string>>> {
  const complaints = new Map<string, Set<string>>();
  for (const line of (await readFile(file, "utf8").catch(() => "")).split("\n")) {
    // nginx cuts an error-log line at 2 KB: a long request line loses its end (and its closing quote); it is kept as a prefix.
    const request = /request: "([^"]*)/.exec(line)?.[1];
    const cutShort = !/request: "[^"]*"/.test(line);
    const message = /\[(?:error|crit|alert|emerg)\] [\d#]+: (?:\*\d+ )?(.*?), client: /.exec(line)?.[1];
    if (!request || !message) continue;
    const key = cutShort ? `${PREFIX}${request}` : request;
    complaints.set(key, (complaints.get(key) ?? new Set()).add(message));
  }
  return complaints;
}

const NO_LIVE_UPSTREAMS = "no live upstreams while connecting to upstream";
const PREFIX = "prefix:";
/** What nginx said about this request line, the cut-short lines included. */
function complaintsAbout(probe: Probe, complaints: Map<string, Set<string>>): string[] {
  const line = `${probe.method} ${probe.path} HTTP/1.1`;
  const said = [...(complaints.get(line) ?? [])];
  for (const [key, messages] of complaints) if (key.startsWith(PREFIX) && line.startsWith(key.slice(PREFIX.length))) said.push(...messages);
  return [...new Set(said)];
}
/** A tier 5xx about which nginx said nothing but "no live upstreams": another input's doing, not this one's. */
const isMasked = (probe: Probe, complaints: Map<string, Set<string>>) => {
  return complaintsAbout(probe, complaints).every((message) => message === NO_LIVE_UPSTREAMS);
};

let publicPort = 0;

/** One request over its own connection, timed to the last byte of the answer: a stream that never ends is a hang too. */
function send(probe: Probe): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    let settled = false;
    const done = (outcome: Omit<Outcome, "ms">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, ms: Math.round(performance.now() - started) });
    };
    let request: http.ClientRequest;
    try {
      request = http.request({ host: "127.0.0.1", port: publicPort, method: probe.method, path: probe.path, headers: probe.headers, agent: false }, (response) => {
        let head = "";
        response.on("data", (chunk: Buffer) => {
          if (head.length < 1024) head += chunk.toString("latin1");
        });
        const status = response.statusCode ?? null;
        const finish = (error?: string) => done({ status, ...(error ? { error } : {}), ...(status !== null && status >= 500 ? { from: /<center>nginx/.test(head) ? "tier" : "app" } : {}) });
        response.on("end", () => finish());
        response.on("error", (error) => finish(error.message));
        // Cut off mid-body (by our timeout, or by the other end): it settles here, with the time it took.
        response.on("close", () => finish(response.complete ? undefined : "the answer stopped mid-body"));
      });
    } catch (error) {
      // Node itself refused to send it (a character it will not put on the wire): not the app's doing.
      resolve({ status: null, ms: 0, error: `not sent: ${error instanceof Error ? error.message : error}` });
      return;
    }
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${CLIENT_TIMEOUT_MS / 1000} s`)), CLIENT_TIMEOUT_MS);
    request.on("error", (error) => done({ status: null, error: error.message }));
    request.end(probe.body);
  });
}

async function sendAll(probes: Probe[]): Promise<Result[]> {
  const results: Result[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < probes.length) {
        const probe = probes[next++]!;
        const ready = probe.prepare ? await probe.prepare(probe).catch(() => probe) : probe;
        results.push({ probe, outcome: await send(ready) });
      }
    }),
  );
  return results;
}

const isHang = (outcome: Outcome) => outcome.ms > HANG_MS || (outcome.status === null && /no answer within/.test(outcome.error ?? ""));
const shorten = (text: string, max = 150) => {
  const visible = JSON.stringify(text).slice(1, -1);
  return visible.length <= max ? visible : `${visible.slice(0, max - 40)}…(${visible.length} chars)…${visible.slice(-30)}`;
};

// ───────────────────────────── the run ─────────────────────────────

const results: Result[] = [];
let failedToRun: unknown = null;
const started = Date.now();
try {
  server = await startTestServer();
  const databaseUrl = await seededDatabase(server, `copydesk_hostile_${Date.now()}`, uploads);
  await forgetCachedReads();

  publicPort = await freePort();
  const refreshPort = await freePort();
  const ports = [await freePort(), await freePort()];
  // One environment for both, one secret: a session signed in through either works on the other, as behind a real tier.
  appEnv = productionEnv(databaseUrl, publicPort, uploads, { READER_REFRESH_URL: `http://127.0.0.1:${refreshPort}`, TRUSTED_PROXIES: "127.0.0.1" });
  for (const [index, port] of ports.entries()) {
    const instance = { index, port, exits: [] as string[], logFile: createWriteStream(path.join(LOGS, `instance-${index + 1}.log`)) };
    instances.push({ ...instance, child: spawnInstance(instance) });
  }
  for (const port of ports) if (!(await healthy(port, 90_000))) throw new Error(`the instance on port ${port} did not come up (see ${path.relative(ROOT, LOGS)})`);
  tier = await startReaderProxy({ prefix: path.join(work, "tier"), upstreams: ports.map((port) => `127.0.0.1:${port}`), publicPort, refreshPort });
  const base = `http://127.0.0.1:${publicPort}`;
  log(`two instances (${ports.join(", ")}) behind the tier on ${publicPort}`);

  // Real values from the seeded newsroom, so a damaged segment sits next to one that exists.
  const home = await (await fetch(`${base}/`)).text();
  const slug = /href="\/articles\/([a-z0-9-]+)"/.exec(home)?.[1];
  if (!slug) throw new Error("no article link on the front page");
  const article = await (await fetch(`${base}/articles/${slug}`)).text();
  const ctxBase = {
    slug,
    section: /href="\/sections\/([a-z0-9-]+)"/.exec(article)?.[1] ?? "world",
    tag: /href="\/tags\/([a-z0-9-]+)"/.exec(article)?.[1] ?? "water",
    author: /href="\/authors\/([^"/]+)"/.exec(article)?.[1] ?? "x",
    mediaPath: /(\/media\/images\/[^"?\s,]+?\.webp)/.exec(article)?.[1] ?? "/media/images/x/640.webp",
  };
  const reporter = await signIn(base, "reporter@example.com", PASSWORD);
  const admin = await signIn(base, "admin@example.com", PASSWORD);
  const tokenResponse = await fetch(`${base}/api/v1/newsroom/tokens`, { method: "POST", headers: { cookie: admin, "content-type": "application/json" }, body: JSON.stringify({ name: "Hostile wire", scope: "INGEST" }) });
  if (!tokenResponse.ok) throw new Error(`could not make an ingest token: ${tokenResponse.status} ${await tokenResponse.text()}`);
  const { token } = (await tokenResponse.json()) as { token: string };
  const partnerResponse = await fetch(`${base}/api/v1/newsroom/tokens`, { method: "POST", headers: { cookie: admin, "content-type": "application/json" }, body: JSON.stringify({ name: "Hostile partner", scope: "SYNDICATION" }) });
  if (!partnerResponse.ok) throw new Error(`could not make a syndication token: ${partnerResponse.status} ${await partnerResponse.text()}`);
  const { token: partnerToken } = (await partnerResponse.json()) as { token: string };
  const draftResponse = await fetch(`${base}/api/v1/newsroom/articles`, { method: "POST", headers: { cookie: reporter, "content-type": "application/json" }, body: JSON.stringify({ headline: "Hostile input target" }) });
  if (!draftResponse.ok) throw new Error(`could not make a draft: ${draftResponse.status}`);
  const { id: draftId } = (await draftResponse.json()) as { id: string };
  const ctx: Context = { ...ctxBase, base: `http://127.0.0.1:${publicPort}`, reporter, token, partnerToken, draftId };
  log(`article ${ctx.slug}, section ${ctx.section}, tag ${ctx.tag}, author ${ctx.author}, image ${ctx.mediaPath}`);

  // Warm every route once on each instance with a good request: a first render's cost is not a hang.
  const warm = [`/articles/${ctx.slug}`, `/sections/${ctx.section}`, `/sections/${ctx.section}/2`, `/sections/${ctx.section}/feed.xml`, `/tags/${ctx.tag}`, `/authors/${ctx.author}`, "/page/1", "/search?q=water", "/preview/x", "/preview/articles/x", ctx.mediaPath, `/api/v1/content/articles/${ctx.slug}`, "/sitemaps/1", "/corrections", "/login", "/newsroom", "/api/auth/session", "/invitations/x", "/login/reset/x"];
  for (const port of ports) {
    for (const target of warm) await fetch(`http://127.0.0.1:${port}${target}`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.arrayBuffer(), () => {});
    for (const target of ["/newsroom", `/newsroom/articles/${draftId}`, `/newsroom/articles/${draftId}/history`, "/newsroom/queue/mine"]) {
      await fetch(`http://127.0.0.1:${port}${target}`, { headers: { cookie: reporter }, signal: AbortSignal.timeout(30_000) }).then((r) => r.arrayBuffer(), () => {});
    }
  }

  const batches: [string, () => Promise<Probe[]> | Probe[]][] = [
    ["paths", () => pathProbes(ctx)],
    ["headers", () => headerProbes(ctx)],
    ["bodies", () => bodyProbes(ctx)],
    ["images", () => imageProbes(ctx)],
    ["many keys", () => manyKeyProbes(ctx)],
  ];
  let marker = 0;
  for (const [name, make] of batches) {
    currentBatch = name;
    // Paths repeat across header, body and image inputs: a marker in the query tells their lines in the tier's error log apart.
    const probes = (await make()).map((probe) => (name === "paths" ? probe : { ...probe, path: `${probe.path}${probe.path.includes("?") ? "&" : "?"}probe=${++marker}` }));
    const batchStarted = Date.now();
    const batchResults = await sendAll(probes);
    results.push(...batchResults);
    const bad = batchResults.filter((r) => (r.outcome.status ?? 0) >= 500 || isHang(r.outcome)).length;
    log(`${name}: ${probes.length} requests in ${((Date.now() - batchStarted) / 1000).toFixed(1)} s, ${bad} 5xx or slow`);
    await checkInstances(name);
    await tierBack(name, batchResults.some((r) => r.outcome.from === "tier"));
  }

  // One input that makes an instance's answer unusable to nginx (a header too big for its buffer, say) takes
  // that instance out of the tier for 10 s (max_fails=1, fail_timeout=10s); with both out, every request after
  // it gets 502 "no live upstreams" whatever it was. Those inputs were not tested: send them again once the tier
  // is back, until none is masked any more (or four rounds). The inputs that caused it stay 5xx, with the reason.
  for (let round = 1; round <= 4; round++) {
    const complaints = await tierComplaints();
    const masked = results.filter((r) => r.outcome.from === "tier" && isMasked(r.probe, complaints));
    if (masked.length === 0) break;
    currentBatch = `round ${round} of masked inputs`;
    log(`${masked.length} inputs met a tier with no live instance; sending them again (round ${round})`);
    const again = await sendAll(masked.map((r) => r.probe));
    for (const result of masked) {
      result.masked = (result.masked ?? 0) + 1;
      result.outcome = again.find((r) => r.probe === result.probe)!.outcome;
    }
    await checkInstances(currentBatch);
    await tierBack(currentBatch, again.some((r) => r.outcome.from === "tier"));
  }

  // A slow answer is sent again, alone, once the machine is quiet: a hang that repeats is the input's doing; one that does not was this shared machine's load.
  currentBatch = "retries";
  for (const result of results.filter((r) => isHang(r.outcome) && (r.outcome.status ?? 0) < 500)) {
    await sleep(1_100); // past the tier's 1 s entry, so the retry reaches an instance
    const ready = result.probe.prepare ? await result.probe.prepare(result.probe).catch(() => result.probe) : result.probe;
    result.retry = await send(ready);
  }
  await checkInstances("retries");
} catch (error) {
  failedToRun = error;
}
await cleanUp();

// ───────────────────────────── the report ─────────────────────────────

const confirmedHang = (r: Result) => isHang(r.outcome) && (!r.retry || isHang(r.retry) || (r.retry.status ?? 0) >= 500);
const classOf = (status: number | null) => (status === null ? "none" : `${Math.floor(status / 100)}xx`);
const restarts = instances.flatMap((instance) => instance.exits);
const rows = ["paths", "headers", "bodies", "images"].map((batch) => {
  const mine = results.filter((r) => r.probe.batch === batch);
  const count = (cls: string) => mine.filter((r) => classOf(r.outcome.status) === cls).length;
  return {
    batch,
    requests: mine.length,
    "2xx": count("2xx"),
    "3xx": count("3xx"),
    "4xx": count("4xx"),
    "5xx": count("5xx"),
    hangs: mine.filter(confirmedHang).length,
    "no answer": mine.filter((r) => r.outcome.status === null && !isHang(r.outcome)).length,
    restarts: restarts.filter((what) => what.includes(`"${batch}"`)).length,
  };
});
const columns = ["requests", "2xx", "3xx", "4xx", "5xx", "hangs", "no answer", "restarts"] as const;
const total = Object.fromEntries(columns.map((column) => [column, rows.reduce((sum, row) => sum + row[column], 0)])) as Record<(typeof columns)[number], number>;
total.restarts = restarts.length;
console.log(`\nbatch     ${columns.map((column) => column.padStart(9)).join(" ")}`);
for (const row of [...rows, { batch: "total", ...total }]) console.log(`${row.batch.padEnd(9)} ${columns.map((column) => String(row[column]).padStart(9)).join(" ")}`);

const serverErrors = results.filter((r) => (r.outcome.status ?? 0) >= 500);
const finalComplaints = await tierComplaintsFrom(path.join(LOGS, "nginx-error.log"));
const tierReason = (r: Result) => {
  const said = complaintsAbout(r.probe, finalComplaints).filter((message) => message !== NO_LIVE_UPSTREAMS);
  return said.length ? `: nginx says "${said.join("; ")}"` : ": no live instance — masked by another input every round";
};
const hangs = results.filter(confirmedHang);
const slowOnce = results.filter((r) => isHang(r.outcome) && !confirmedHang(r));
const noAnswer = results.filter((r) => r.outcome.status === null && !isHang(r.outcome));
const describe = (r: Result) => `${shorten(r.probe.label)}  →  ${r.outcome.status ?? r.outcome.error}${r.outcome.from === "tier" ? ` (the tier's own page${tierReason(r)})` : ""} in ${r.outcome.ms} ms${r.masked ? ` (after ${r.masked} masked round${r.masked > 1 ? "s" : ""})` : ""}${r.retry ? `; again: ${r.retry.status ?? r.retry.error} in ${r.retry.ms} ms` : ""}`;
// Every failure goes to a file; the terminal gets the first LISTED of each kind (one bad input can make the tier answer 502 to hundreds after it).
const LISTED = 80;
const listing = (title: string, failures: Result[]) => `\n${title} (${failures.length}):\n${failures.map((r) => `  ✗ ${describe(r)}`).join("\n")}`;
const cut = (text: string) => (text.split("\n").length > LISTED + 2 ? `${text.split("\n").slice(0, LISTED + 2).join("\n")}\n  … the rest in ${path.relative(ROOT, LOGS)}/failures.txt` : text);
const appErrors = serverErrors.filter((r) => r.outcome.from !== "tier");
const tierErrorsOnly = serverErrors.filter((r) => r.outcome.from === "tier");
const failureText = [
  appErrors.length ? listing("5xx from the app", appErrors) : "",
  tierErrorsOnly.length ? listing("5xx from the tier (no instance gave it an answer)", tierErrorsOnly) : "",
  hangs.length ? listing(`hangs over ${HANG_MS / 1000} s`, hangs) : "",
];
await writeFile(path.join(LOGS, "failures.txt"), failureText.join("\n"));
// Every input and what it got, for reading what a 4xx was (or spotting a 2xx that should not be).
await writeFile(path.join(LOGS, "results.tsv"), ["batch\tstatus\tms\tinput", ...results.map((r) => `${r.probe.batch}\t${r.outcome.status ?? r.outcome.error}\t${r.outcome.ms}\t${shorten(r.probe.label, 200)}`)].join("\n") + "\n");
for (const text of failureText) if (text) console.log(cut(text));
if (restarts.length || unhealthy.length) console.log(`\ninstances:\n${[...restarts, ...unhealthy].map((what) => `  ✗ ${what}`).join("\n")}`);
if (slowOnce.length) console.log(`\nslow once, quick when sent again alone (machine load; not counted):\n${slowOnce.map((r) => `  · ${describe(r)}`).join("\n")}`);
if (noAnswer.length) console.log(`\nno answer (the connection was closed without one, or Node would not send it; not counted):\n${noAnswer.map((r) => `  · ${describe(r)}`).join("\n")}`);

// What the instances said about it: the first distinct error lines, for whoever fixes the 5xx.
const errorLines = new Set<string>();
for (const index of [1, 2]) {
  const text = await readFile(path.join(LOGS, `instance-${index}.log`), "utf8").catch(() => "");
  for (const line of text.split("\n")) if (/error|⨯|uncaught|unhandled/i.test(line) && errorLines.size < 25) errorLines.add(line.trim().slice(0, 240));
}
// What the tier said: each distinct complaint once, with how often and one request it was about.
const tierErrors = new Map<string, { count: number; example: string }>();
for (const line of (await readFile(path.join(LOGS, "nginx-error.log"), "utf8").catch(() => "")).split("\n")) {
  const level = /\[(?:error|crit|alert|emerg)\] [\d#]+: (?:\*\d+ )?/.exec(line);
  if (!level) continue;
  const rest = line.slice(level.index + level[0].length);
  const message = rest.split(", client: ")[0]!;
  const seen = tierErrors.get(message) ?? { count: 0, example: /request: "([^"]*)"/.exec(rest)?.[1] ?? "" };
  seen.count++;
  tierErrors.set(message, seen);
}
if (tierErrors.size) console.log(`\nfrom the tier's error log (${path.relative(ROOT, LOGS)}/nginx-error.log):\n${[...tierErrors].sort((a, b) => b[1].count - a[1].count).slice(0, 12).map(([message, { count, example }]) => `  ${String(count).padStart(5)} × ${message.slice(0, 160)}${example ? `  (e.g. ${shorten(example, 100)})` : ""}`).join("\n")}`);
if (errorLines.size) console.log(`\nfrom the instances' logs (${path.relative(ROOT, LOGS)}/instance-N.log):\n${[...errorLines].map((line) => `  ${line}`).join("\n")}`);

if (failedToRun) console.error(`\n[hostile] the run itself failed: ${failedToRun instanceof Error ? (failedToRun.stack ?? failedToRun.message) : failedToRun}`);
const failed = failedToRun !== null || results.length === 0 || serverErrors.length > 0 || hangs.length > 0 || restarts.length > 0 || unhealthy.length > 0;
console.log(`\nhostile: ${results.length} requests in ${Math.round((Date.now() - started) / 1000)} s — ${failed ? "FAILED" : "no 5xx, no hang, no restart"}`);
process.exit(failed ? 1 : 0);
