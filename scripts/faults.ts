import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import sharp from "sharp";
import { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { bin, nextServerEnv, ROOT, runInherited } from "./lib/processes";
import { forgetCachedReads, productionEnv, seededDatabase } from "./lib/seeded-app";

/**
 * `npm run test:faults`: the production build under a client that saves a
 * story every 50 ms, while things break — PostgreSQL restarts, the app is
 * killed with SIGKILL and started again, the upload folder cannot be written.
 * Afterwards every acknowledged save must be in the database, nothing may be
 * half-written, and the app must answer again without a restart of its own.
 * Prints one line per fault; exits 1 on any loss or broken promise.
 */
const SAVE_EVERY_MS = 50;
const LOAD_BEFORE_FAULT_MS = 2_000;
const LOAD_AFTER_RECOVERY_MS = 2_000;
const DATABASE_RECOVERY_LIMIT_MS = 5_000;
const EMAIL = "editor@example.com";
const PASSWORD = process.env.SEED_PASSWORD ?? "copydesk-demo";

interface Row {
  fault: string;
  requests: number;
  acknowledged: number;
  lost: number;
  recoveryMs: number | null;
  problems: string[];
}

if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.log("[faults] no production build yet: building");
  const { exited } = runInherited(bin("next"), ["build"]);
  if ((await exited) !== 0) process.exit(1);
}

const folder = await mkdtemp(path.join(os.tmpdir(), "copydesk-faults-"));
await chmod(folder, 0o755); // as root the cluster runs as `postgres`, which must reach its data
const uploads = path.join(folder, "uploads");
await mkdir(uploads);
const dataDir = path.join(folder, "data");
const pgPort = await freePort();
const startDatabase = () => startEmbeddedPostgres({ dataDir, port: pgPort, durable: true });
let cluster: EmbeddedPostgres = await startDatabase();
const databaseUrl = await seededDatabase({ url: cluster.url, stop: async () => {} }, "copydesk_faults", uploads);
await forgetCachedReads();

const appPort = await freePort();
const base = `http://127.0.0.1:${appPort}`;
// One environment (one secret) for every start, so a session survives the app's restart.
const appEnv = nextServerEnv(productionEnv(databaseUrl, appPort, uploads));
let app: ChildProcess;

function startApp() {
  // Its own process group, so SIGKILL reaches next-server and not only the start script.
  app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(appPort)], { cwd: ROOT, env: appEnv, stdio: "ignore", detached: true });
}
const killApp = (signal: NodeJS.Signals) => {
  try {
    process.kill(-app.pid!, signal);
  } catch {
    // already gone
  }
};

async function waitForApp(limitMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return;
    await sleep(100);
  }
  throw new Error("the app did not come up");
}

/** A signed-in client: the session cookie, got through next-auth's own sign-in. */
async function signIn(): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!, value.join("="));
    }
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader() },
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD, csrfToken, json: "true" }),
  });
  keep(signedIn);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in failed (${signedIn.status})`);
  return cookieHeader();
}

/** Saves the story's standfirst every 50 ms, compare-and-set, and remembers each save the server acknowledged. */
function startSaving(cookie: string, articleId: string, version: number) {
  const state = { requests: 0, acked: [] as { n: number; version: number }[], lastAckAt: 0, version, stop: false, done: Promise.resolve() };
  const url = `${base}/api/v1/newsroom/articles/${articleId}`;
  const headers = { Cookie: cookie, "Content-Type": "application/json" };
  state.done = (async () => {
    while (!state.stop) {
      const n = ++state.requests;
      try {
        const response = await fetch(url, { method: "PATCH", headers, body: JSON.stringify({ version: state.version, standfirst: `save ${n}` }), signal: AbortSignal.timeout(5_000) });
        if (response.ok) {
          state.version = ((await response.json()) as { version: number }).version;
          state.acked.push({ n, version: state.version });
          state.lastAckAt = Date.now();
        } else if (response.status === 409) {
          // A save that timed out on our side may have landed: carry on from the version the server has.
          const current = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
          if (current.ok) state.version = ((await current.json()) as { version: number }).version;
        }
      } catch {
        // refused or timed out while the fault lasts: not acknowledged, so not promised
      }
      await sleep(SAVE_EVERY_MS);
    }
  })();
  return state;
}

async function firstAckAfter(state: { lastAckAt: number }, since: number, limitMs = 30_000): Promise<number | null> {
  while (Date.now() - since < limitMs) {
    if (state.lastAckAt > since) return state.lastAckAt - since;
    await sleep(20);
  }
  return null;
}

let database = new pg.Client({ connectionString: databaseUrl });

/** Acknowledged saves the database does not have: a version past the row's, or a final text older than the last acknowledgement. */
async function lostSaves(articleId: string, acked: { n: number; version: number }[]): Promise<number> {
  const { rows } = await database.query<{ version: number; standfirst: string }>(`SELECT version, standfirst FROM "Article" WHERE id = $1`, [articleId]);
  const row = rows[0]!;
  const finalN = Number(row.standfirst.replace("save ", ""));
  const last = acked.at(-1);
  return acked.filter((save) => save.version > row.version).length + (last && finalN < last.n ? 1 : 0);
}

/** Half-written states: a story whose current version has no revision, or whose newest workflow event disagrees with its state. */
async function integrityProblems(): Promise<string[]> {
  const problems: string[] = [];
  const noRevision = await database.query(`SELECT a.id FROM "Article" a WHERE NOT EXISTS (SELECT 1 FROM "Revision" r WHERE r."articleId" = a.id AND r.version = a.version)`);
  if (noRevision.rowCount) problems.push(`${noRevision.rowCount} article(s) without a revision at their version`);
  const eventMismatch = await database.query(`
    SELECT a.id FROM "Article" a
    JOIN LATERAL (SELECT "toStatus" FROM "WorkflowEvent" e WHERE e."articleId" = a.id ORDER BY e."createdAt" DESC, e.id DESC LIMIT 1) last ON true
    WHERE last."toStatus" <> a.status`);
  if (eventMismatch.rowCount) problems.push(`${eventMismatch.rowCount} article(s) whose last workflow event disagrees with their state`);
  return problems;
}

const rows: Row[] = [];
try {
  startApp();
  await waitForApp();
  await database.connect();
  database.on("error", () => {}); // the restart below drops this connection too; it is opened again
  const cookie = await signIn();
  const created = (await (await fetch(`${base}/api/v1/newsroom/articles`, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json" }, body: JSON.stringify({ headline: "Fault suite story" }) })).json()) as { id: string; version: number };

  // 1. PostgreSQL restarts under load.
  {
    const saving = startSaving(cookie, created.id, created.version);
    await sleep(LOAD_BEFORE_FAULT_MS);
    await cluster.stop();
    await sleep(1_000);
    cluster = await startDatabase();
    const back = Date.now();
    const recoveryMs = await firstAckAfter(saving, back);
    await sleep(LOAD_AFTER_RECOVERY_MS);
    saving.stop = true;
    await saving.done;
    await database.end().catch(() => {});
    database = new pg.Client({ connectionString: databaseUrl });
    await database.connect();
    const problems = await integrityProblems();
    if (recoveryMs === null || recoveryMs > DATABASE_RECOVERY_LIMIT_MS) problems.push(`answered again after ${recoveryMs ?? "never"} ms (limit ${DATABASE_RECOVERY_LIMIT_MS})`);
    rows.push({ fault: "PostgreSQL restarted", requests: saving.requests, acknowledged: saving.acked.length, lost: await lostSaves(created.id, saving.acked), recoveryMs, problems });
  }

  // 2. The app is killed mid-load with SIGKILL and started again.
  {
    const { rows: [current] } = await database.query<{ version: number }>(`SELECT version FROM "Article" WHERE id = $1`, [created.id]);
    const saving = startSaving(cookie, created.id, current!.version);
    await sleep(LOAD_BEFORE_FAULT_MS);
    killApp("SIGKILL");
    await sleep(500);
    const restarted = Date.now();
    startApp();
    const recoveryMs = await firstAckAfter(saving, restarted, 60_000);
    await sleep(LOAD_AFTER_RECOVERY_MS);
    saving.stop = true;
    await saving.done;
    const problems = await integrityProblems();
    if (recoveryMs === null) problems.push("never answered again");
    rows.push({ fault: "app killed (SIGKILL)", requests: saving.requests, acknowledged: saving.acked.length, lost: await lostSaves(created.id, saving.acked), recoveryMs, problems });
  }

  // 3. The upload folder cannot be written: the upload fails with a clear 5xx JSON error and nothing is recorded.
  {
    const images = path.join(uploads, "images");
    await rm(images, { recursive: true, force: true });
    // root writes through permissions, so the folder becomes a file: no image can be stored under it either way
    await writeFile(images, "");
    await chmod(uploads, 0o555);
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 10, g: 200, b: 90 } } }).jpeg().toBuffer();
    const before = Number((await database.query(`SELECT count(*) FROM "Media"`)).rows[0].count);
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "photo.jpg");
    const response = await fetch(`${base}/api/v1/newsroom/media`, { method: "POST", headers: { Cookie: cookie }, body: form });
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    const after = Number((await database.query(`SELECT count(*) FROM "Media"`)).rows[0].count);
    await chmod(uploads, 0o755);
    const problems: string[] = [];
    if (response.status < 500) problems.push(`answered ${response.status}, not 5xx`);
    if (!body?.error?.message?.includes("could not be stored")) problems.push(`unclear answer: ${JSON.stringify(body)}`);
    if (after !== before) problems.push(`${after - before} media row(s) recorded for a failed upload`);
    rows.push({ fault: "upload folder not writable", requests: 1, acknowledged: response.ok ? 1 : 0, lost: 0, recoveryMs: null, problems });
  }
} finally {
  killApp("SIGTERM");
  await sleep(500);
  killApp("SIGKILL");
  await database.end().catch(() => {});
  await cluster.stop().catch(() => {});
  await rm(folder, { recursive: true, force: true });
}

console.log("\nfault                        requests  acknowledged  lost  recovery");
for (const row of rows) {
  console.log(
    `${row.fault.padEnd(28)} ${String(row.requests).padStart(8)}  ${String(row.acknowledged).padStart(12)}  ${String(row.lost).padStart(4)}  ${row.recoveryMs === null ? "—" : `${row.recoveryMs} ms`}`,
  );
  for (const problem of row.problems) console.log(`  ✗ ${problem}`);
}
const failed = rows.length < 3 || rows.some((row) => row.lost > 0 || row.problems.length > 0);
console.log(failed ? "\nfaults: FAILED" : "\nfaults: nothing lost");
process.exit(failed ? 1 : 0);
