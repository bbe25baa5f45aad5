import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, rmSync, mkdirSync, openSync, closeSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db";
import type { Env } from "@/lib/env";
import { mediaStorage } from "@/lib/storage";
import { seed } from "@/prisma/seed";
import { serverCanUse, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { migrate } from "./migrate";
import { createDatabase } from "./postgres-admin";

/** Git-ignored folder holding the development cluster; it survives restarts. */
export const DATA_DIR = path.resolve(import.meta.dirname, "../../.data");
const DEV_CLUSTER_DIR = path.join(DATA_DIR, "postgres");
const DEV_LOCK_FILE = path.join(DATA_DIR, "dev.lock.json");
const DEV_DATABASE = "copydesk";

export interface DevLock {
  pid: number;
  databaseUrl: string;
  appUrl: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The running `npm run dev`, if there is one. */
export function runningDev(): DevLock | undefined {
  try {
    const lock = JSON.parse(readFileSync(DEV_LOCK_FILE, "utf8")) as DevLock;
    return isAlive(lock.pid) ? lock : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Claims the dev lock, or returns the dev server that already holds it. The
 * file is created with O_EXCL so two starting at once cannot both win; a lock
 * left by a process that no longer exists is taken over.
 */
export function claimDevLock(lock: DevLock): DevLock | undefined {
  mkdirSync(DATA_DIR, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(DEV_LOCK_FILE, "wx");
      writeFileSync(fd, JSON.stringify(lock));
      closeSync(fd);
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = runningDev();
      if (holder) return holder;
      rmSync(DEV_LOCK_FILE, { force: true });
    }
  }
  throw new Error(`Could not claim ${DEV_LOCK_FILE}; remove it if no \`npm run dev\` is running.`);
}

export function updateDevLock(lock: DevLock): void {
  writeFileSync(DEV_LOCK_FILE, JSON.stringify(lock));
}

export function releaseDevLock(): void {
  rmSync(DEV_LOCK_FILE, { force: true });
}

/**
 * The dev cluster lives in .data/postgres. Run as root, PostgreSQL runs as the
 * `postgres` user, who cannot enter a checkout under a private folder such as
 * /root; then the cluster lives in /var/lib/copydesk/<checkout>/ instead.
 */
async function devClusterDir(log: (line: string) => void): Promise<string> {
  if (await serverCanUse(DATA_DIR)) return DEV_CLUSTER_DIR;
  const checkout = createHash("sha256").update(DATA_DIR).digest("hex").slice(0, 12);
  const fallback = path.join("/var/lib/copydesk", checkout, "postgres");
  log(`The postgres user cannot reach ${DATA_DIR}; keeping the database in ${fallback}`);
  return fallback;
}

export async function startDevCluster(config: Env, log: (line: string) => void): Promise<{
  cluster: EmbeddedPostgres;
  databaseUrl: string;
}> {
  const dataDir = await devClusterDir(log);
  const cluster = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT, log });
  try {
    await createDatabase(cluster.url("postgres"), DEV_DATABASE);
    return { cluster, databaseUrl: cluster.url(DEV_DATABASE) };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/**
 * Runs `work` against the configured database: DATABASE_URL when set, else the
 * embedded development database — the one a running `npm run dev` already
 * serves, or the cluster started just for this command and stopped after.
 */
export async function withDatabase(config: Env, work: (databaseUrl: string) => Promise<void>): Promise<void> {
  if (config.DATABASE_URL !== undefined) return work(config.DATABASE_URL);
  const dev = runningDev();
  if (dev) return work(dev.databaseUrl);
  const { cluster, databaseUrl } = await startDevCluster(config, () => {});
  try {
    await work(databaseUrl);
  } finally {
    await cluster.stop();
  }
}

/** Applies pending migrations and seeds the demo newsroom into a database with no users. */
export async function prepareDatabase(databaseUrl: string, config: Env, log: (line: string) => void): Promise<void> {
  const { applied } = await migrate(databaseUrl, { log });
  if (applied.length === 0) log("Database schema is up to date.");
  const db = createDb(databaseUrl, 2);
  try {
    if ((await db.user.count()) === 0) {
      log("Empty database: seeding the demo newsroom…");
      await seed(db, { password: config.SEED_PASSWORD, storage: mediaStorage() });
    }
  } finally {
    await db.$disconnect();
  }
}

/** The session secret of this checkout's local servers (dev and stack), made once and kept in .data/. */
export function localSecret(): string {
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
