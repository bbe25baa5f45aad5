import { spawn } from "node:child_process";
import { access, chmod, mkdtemp, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { variantKey } from "@/lib/media/image";

/**
 * What `npm run backup` writes and `npm run restore` reads: one gzip'd tar of
 *
 *   manifest.json   what the archive holds, to check a restore against
 *   database.dump   pg_dump's custom format, taken in one snapshot
 *   uploads/        the upload folder (originals and served sizes)
 *
 * The PostgreSQL client tools come from PATH, or from PG_BIN_DIR when set.
 */
export const ARCHIVE_FORMAT = "copydesk-backup";
export const ARCHIVE_FORMAT_VERSION = 1;
export const DUMP_FILE = "database.dump";
export const MANIFEST_FILE = "manifest.json";
export const UPLOADS_FOLDER = "uploads";

export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  createdAt: string;
  serverVersion: string;
  pgDumpVersion: string;
  migrations: string[];
  /** Rows per table in the dumped snapshot. */
  rows: Record<string, number>;
  /** The upload files the database names, all in the archive. */
  uploads: string[];
  /** Upload files the database names that were already missing when the backup was taken. */
  missingUploads: string[];
}

export class BackupError extends Error {
  override name = "BackupError";
}

/**
 * An archive holds password hashes, token hashes and unpublished drafts, so
 * it is its owner's alone from its first byte: the archive 0600, the folder
 * it is put together in 0700 (issue #22, item 7). Explicit modes rather than
 * trust in the caller's umask (022 on most machines: world-readable).
 */
export const ARCHIVE_MODE = 0o600;
export const STAGING_MODE = 0o700;

/** A new folder of the owner's alone next to `output`, to assemble the archive in. */
export async function privateStaging(output: string): Promise<string> {
  // mkdtemp: a fresh name nobody else could have prepared, created 0700.
  const staging = await mkdtemp(path.join(path.dirname(output), `.${path.basename(output)}.partial-`));
  await chmod(staging, STAGING_MODE);
  return staging;
}

/**
 * Packs `entries` of `staging` into `output`: tar writes into a file created
 * 0600 beforehand (tar keeps an existing file's mode), which takes its name
 * only once complete.
 */
export async function packArchive(staging: string, output: string, entries: string[]): Promise<void> {
  const partial = `${output}.partial`;
  await rm(partial, { force: true });
  await (await open(partial, "wx", ARCHIVE_MODE)).close();
  await chmod(partial, ARCHIVE_MODE);
  try {
    await runTool("tar", ["--create", "--gzip", "--dereference", "--exclude=*.partial", `--file=${partial}`, "-C", staging, ...entries]);
    await chmod(partial, ARCHIVE_MODE);
    await rename(partial, output);
  } finally {
    await rm(partial, { force: true });
  }
}

/**
 * libpq is given the URL without its password (which goes in PGPASSWORD, out
 * of sight of `ps`) and without the query parameters only Prisma knows.
 */
export function libpqConnection(databaseUrl: string): { uri: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const prismaOnly of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"]) {
    url.searchParams.delete(prismaOnly);
  }
  return { uri: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

export function clientTool(name: "pg_dump" | "pg_restore", binDir: string | undefined): string {
  return binDir ? path.join(binDir, name) : name;
}

/** Runs a command to its end; a failure carries what it printed. */
export function runTool(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === "ENOENT"
            ? `${command} is not installed. Install the PostgreSQL client (Debian: apt-get install postgresql-client) or set PG_BIN_DIR.`
            : `${command}: ${error.message}`,
        ),
      ),
    );
    child.on("close", (code) =>
      code === 0 ? resolve(stdout) : reject(new BackupError(`${path.basename(command)} failed (exit ${code}): ${stderr.trim() || stdout.trim()}`)),
    );
  });
}

const majorOf = (version: string) => Number(/(\d+)(\.\d+)?/.exec(version)?.[1] ?? Number.NaN);

/** A client tool's version ("15.18"), refused when it is older than the server it must talk to. */
export async function toolVersionFor(tool: string, serverVersion: string): Promise<string> {
  const printed = await runTool(tool, ["--version"]);
  const version = /\(PostgreSQL\) (\S+)/.exec(printed)?.[1] ?? printed.trim();
  if (majorOf(version) < majorOf(serverVersion)) {
    throw new BackupError(
      `${path.basename(tool)} ${version} cannot work with a PostgreSQL ${serverVersion} server. ` +
        `Install the client of version ${majorOf(serverVersion)} or newer and put it on PATH or in PG_BIN_DIR.`,
    );
  }
  return version;
}

export async function serverVersion(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  return rows[0]!.server_version.split(" ")[0]!;
}

/** Every table of the app's schema (migrations bookkeeping included) with its row count. */
export async function rowCounts(client: pg.Client): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM ${client.escapeIdentifier(name)}`);
    counts[name] = Number(rows[0]!.count);
  }
  return counts;
}

export async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.migration_name);
}

/** The upload keys the database names: each image's original and every served size. */
export async function uploadKeys(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ storageKey: string; widths: number[] }>(`SELECT "storageKey", widths FROM "Media"`);
  return rows.flatMap((media) => [media.storageKey, ...media.widths.map((width) => variantKey(media.storageKey, width))]);
}

export async function missingFiles(root: string, keys: string[]): Promise<string[]> {
  const checks = await Promise.all(keys.map((key) => access(path.join(root, ...key.split("/"))).then(() => null, () => key)));
  return checks.filter((key): key is string => key !== null);
}

export function describeRows(rows: Record<string, number>): string {
  const total = Object.values(rows).reduce((sum, count) => sum + count, 0);
  return `${total} rows in ${Object.keys(rows).length} tables`;
}
