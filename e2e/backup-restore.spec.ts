import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { variantKey } from "@/lib/media/image";
import { rowCounts } from "@/scripts/lib/backup-archive";
import { freePort } from "@/scripts/lib/embedded-postgres";
import { adminUrlFor, createDatabase, dropDatabase, withDatabaseName } from "@/scripts/lib/postgres-admin";
import { ROOT } from "@/scripts/lib/processes";
import { productionEnv } from "@/scripts/lib/seeded-app";
import { E2E_DATABASE_FILE, E2E_UPLOADS_FILE } from "@/scripts/lib/test-postgres";

/**
 * `npm run backup` of the database every other spec has just worked on, while
 * its server runs; `npm run restore` into a new database and upload folder.
 * Then one fresh production server on each database (fresh, so each renders
 * from its own database, from a plain request): a published story's page
 * markup, its content-API document and its photo must be the same bytes from
 * both. Runs last, alone: it compares row
 * counts, so nothing else may write meanwhile.
 */
const run = promisify(execFile);
const script = (name: string, env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], { cwd: ROOT, env: { ...process.env, ...env } });

async function counts(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await rowCounts(client);
  } finally {
    await client.end();
  }
}

/** Where two bodies part, with a little of each around it; null when they are the same bytes. */
function firstDifference(actual: Buffer, expected: Buffer): { at: number; actual: string; expected: string } | null {
  if (actual.equals(expected)) return null;
  let at = 0;
  while (at < actual.length && at < expected.length && actual[at] === expected[at]) at++;
  const around = (body: Buffer) => body.subarray(Math.max(0, at - 120), at + 120).toString("utf8");
  return { at, actual: around(actual), expected: around(expected) };
}

const servers: ChildProcess[] = [];
async function stopServers() {
  for (const server of servers) {
    if (!server.pid || server.exitCode !== null) continue;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    process.kill(-server.pid, "SIGTERM");
    await Promise.race([exited, sleep(15_000)]);
  }
}

/** A production server of its own on `databaseUrl`, with the e2e server's public URL so links read the same. */
async function freshServer(databaseUrl: string, uploads: string, publicUrl: string): Promise<string> {
  const port = await freePort();
  servers.push(
    spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port)], {
      cwd: ROOT,
      env: productionEnv(databaseUrl, port, uploads, { NEXTAUTH_URL: publicUrl }),
      stdio: "ignore",
      detached: true,
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  await expect.poll(() => fetch(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
  return base;
}

/** A page's first render, as readers get it (without Next's hydration payload: lib/reader/static-page.js). */
async function firstRenderMarkup(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("x-nextjs-cache")).toBe("MISS");
  return Buffer.from(await response.text());
}

async function bytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

test("a backup restored into an empty database serves the same published page, document and photo, byte for byte", async ({ baseURL }) => {
  test.setTimeout(240_000);
  const sourceUrl = (await readFile(E2E_DATABASE_FILE, "utf8")).trim();
  const sourceUploads = (await readFile(E2E_UPLOADS_FILE, "utf8")).trim();
  const folder = await mkdtemp(path.join(os.tmpdir(), "copydesk-restore-check-"));
  await chmod(folder, 0o755);
  const archive = path.join(folder, "backup.tar.gz");
  const restoredUploads = path.join(folder, "uploads");
  const restoredName = `copydesk_restored_${process.pid}`;
  const restoredUrl = withDatabaseName(sourceUrl, restoredName);

  try {
    const backedUp = await script("backup", { DATABASE_URL: sourceUrl, UPLOADS_DIR: sourceUploads }, archive);
    expect(backedUp.stdout).toContain("Backup written");
    const sourceCounts = await counts(sourceUrl);

    await createDatabase(adminUrlFor(sourceUrl), restoredName);
    const restored = await script("restore", { DATABASE_URL: restoredUrl, UPLOADS_DIR: restoredUploads }, archive);
    expect(restored.stdout).toContain("row counts match the archive");
    expect(await counts(restoredUrl)).toEqual(sourceCounts);
    expect(Object.values(sourceCounts).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(100);

    // A restore refuses a database that is not empty, and says so.
    const again = await script("restore", { DATABASE_URL: restoredUrl, UPLOADS_DIR: path.join(folder, "other") }, archive).catch((error: { code: number; stderr: string }) => error);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining("is not empty") });

    const source = new pg.Client({ connectionString: sourceUrl });
    await source.connect();
    const { rows } = await source.query<{ slug: string; storageKey: string; widths: number[] }>(
      `SELECT a.slug, m."storageKey", m.widths FROM "Article" a JOIN "Revision" r ON r.id = a."liveRevisionId"
         JOIN "Media" m ON m.id = r."heroImageId" ORDER BY a."liveSince" DESC LIMIT 1`,
    );
    await source.end();
    const story = rows[0]!;
    const pagePath = `/articles/${story.slug}`;
    const photoPath = `/media/${variantKey(story.storageKey, story.widths[0]!)}`;

    const publicUrl = new URL(baseURL!).origin;
    const [fromSource, fromRestored] = await Promise.all([freshServer(sourceUrl, sourceUploads, publicUrl), freshServer(restoredUrl, restoredUploads, publicUrl)]);
    const page = await firstRenderMarkup(`${fromSource}${pagePath}`);
    expect(page.toString()).toContain("<h1");
    expect(firstDifference(await firstRenderMarkup(`${fromRestored}${pagePath}`), page)).toBeNull();
    const contentApi = `/api/v1/content/articles/${story.slug}`;
    expect(firstDifference(await bytes(`${fromRestored}${contentApi}`), await bytes(`${fromSource}${contentApi}`))).toBeNull();
    expect((await bytes(`${fromRestored}${photoPath}`)).equals(await bytes(`${fromSource}${photoPath}`))).toBe(true);
  } finally {
    await stopServers();
    await dropDatabase(adminUrlFor(sourceUrl), restoredName).catch(() => {});
    await rm(folder, { recursive: true, force: true });
  }
});
