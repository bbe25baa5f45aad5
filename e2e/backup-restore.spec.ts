import { execFile, spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { variantKey } from "@/lib/media";
import { rowCounts } from "@/scripts/lib/backup-archive";
import { freePort } from "@/scripts/lib/embedded-postgres";
import { adminUrlFor, createDatabase, dropDatabase, withDatabaseName } from "@/scripts/lib/postgres-admin";
import { ROOT } from "@/scripts/lib/processes";
import { forgetCachedReads, productionEnv } from "@/scripts/lib/seeded-app";
import { E2E_DATABASE_FILE, E2E_UPLOADS_FILE } from "@/scripts/lib/test-postgres";

/**
 * `npm run backup` of the database every other spec has just worked on, while
 * its server runs; `npm run restore` into a new database and upload folder; a
 * second production server on the restored copy must then serve a published
 * story's page and photo byte for byte as the first does. Runs last, alone:
 * it compares row counts, so nothing else may write meanwhile.
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

/** The page as the server keeps it: asked until it answers from its cache, so no regeneration is still under way. */
async function settledPage(request: APIRequestContext, url: string): Promise<Buffer> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    if (response.headers()["x-nextjs-cache"] === "HIT") return response.body();
    await sleep(300);
  }
  throw new Error(`${url} never answered from the cache`);
}

test("a backup restored into an empty database serves the same published page and photo, byte for byte", async ({ request, baseURL }) => {
  test.setTimeout(240_000);
  const sourceUrl = (await readFile(E2E_DATABASE_FILE, "utf8")).trim();
  const sourceUploads = (await readFile(E2E_UPLOADS_FILE, "utf8")).trim();
  const folder = await mkdtemp(path.join(os.tmpdir(), "copydesk-restore-check-"));
  await chmod(folder, 0o755);
  const archive = path.join(folder, "backup.tar.gz");
  const restoredUploads = path.join(folder, "uploads");
  const restoredName = `copydesk_restored_${process.pid}`;
  const restoredUrl = withDatabaseName(sourceUrl, restoredName);
  let restoredServer: ReturnType<typeof spawn> | undefined;

  try {
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
    const page = await settledPage(request, pagePath);
    const photo = await (await request.get(photoPath)).body();

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

    // The second server must render from its own database, not from pages the first left on disk.
    await forgetCachedReads();
    const port = await freePort();
    restoredServer = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port)], {
      cwd: ROOT,
      env: productionEnv(restoredUrl, port, restoredUploads, { NEXTAUTH_URL: new URL(baseURL!).origin }),
      stdio: "ignore",
      detached: true,
    });
    const restoredBase = `http://127.0.0.1:${port}`;
    await expect.poll(() => fetch(`${restoredBase}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);

    const restoredPage = await fetch(`${restoredBase}${pagePath}`);
    expect(restoredPage.status).toBe(200);
    expect(restoredPage.headers.get("x-nextjs-cache")).toBe("MISS");
    const restoredBytes = Buffer.from(await restoredPage.arrayBuffer());
    expect(firstDifference(restoredBytes, page)).toBeNull();
    const restoredPhoto = await fetch(`${restoredBase}${photoPath}`);
    expect(restoredPhoto.status).toBe(200);
    expect(Buffer.from(await restoredPhoto.arrayBuffer()).equals(photo)).toBe(true);
  } finally {
    if (restoredServer?.pid && restoredServer.exitCode === null) {
      const exited = new Promise((resolve) => restoredServer!.once("exit", resolve));
      process.kill(-restoredServer.pid, "SIGTERM");
      await Promise.race([exited, sleep(15_000)]);
    }
    await dropDatabase(adminUrlFor(sourceUrl), restoredName).catch(() => {});
    await rm(folder, { recursive: true, force: true });
  }
});
