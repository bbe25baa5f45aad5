import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  BackupError,
  clientTool,
  describeRows,
  DUMP_FILE,
  libpqConnection,
  type Manifest,
  MANIFEST_FILE,
  missingFiles,
  rowCounts,
  runTool,
  serverVersion,
  toolVersionFor,
  UPLOADS_FOLDER,
} from "./lib/backup-archive";
import { withDatabase } from "./lib/database";
import { migrate, readMigrations } from "./lib/migrate";

/**
 * `npm run restore ARCHIVE`: loads an archive from `npm run backup` into an
 * empty database (DATABASE_URL, or the embedded development one) and an empty
 * upload folder. Everything is checked before anything is written: the
 * archive's contents, that it was made by this Copydesk or an older one, that
 * the database and the folder are empty, that every upload the database names
 * is in the archive. The database is loaded in one transaction (a broken dump
 * leaves it empty), its row counts checked against the archive's, then brought
 * up to this version's migrations; the uploads move into place last.
 */
const config = env();

/** Only regular files and folders, at the three names an archive holds: no links, no paths out of the folder. */
async function checkEntries(archive: string): Promise<void> {
  const list = (verbose: boolean) =>
    runTool("tar", ["--list", ...(verbose ? ["--verbose"] : []), "--gzip", `--file=${archive}`]).then(
      (listing) => listing.split("\n").filter(Boolean),
      (error: Error) => Promise.reject(new BackupError(`${archive} is not a Copydesk backup (${error.message.split("\n")[0]})`)),
    );
  const names = await list(false);
  const kinds = (await list(true)).map((line) => line[0]);
  const allowed = (name: string) =>
    name === MANIFEST_FILE || name === DUMP_FILE || name === UPLOADS_FOLDER || name.startsWith(`${UPLOADS_FOLDER}/`);
  const odd = names.filter((name, index) => !allowed(name) || name.split("/").includes("..") || !["-", "d"].includes(kinds[index] ?? ""));
  if (odd.length > 0) throw new BackupError(`${archive} is not a Copydesk backup: unexpected entries ${odd.slice(0, 5).join(", ")}`);
  if (!names.includes(MANIFEST_FILE) || !names.includes(DUMP_FILE)) {
    throw new BackupError(`${archive} is not a Copydesk backup: it lacks ${MANIFEST_FILE} or ${DUMP_FILE}.`);
  }
}

async function readManifest(folder: string): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(path.join(folder, MANIFEST_FILE), "utf8")) as Manifest;
  if (manifest.format !== ARCHIVE_FORMAT || manifest.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw new BackupError(`The archive's manifest is not a Copydesk backup of format ${ARCHIVE_FORMAT_VERSION} or older.`);
  }
  const known = new Set((await readMigrations()).map((migration) => migration.name));
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(`The archive was made by a newer Copydesk (migration ${unknown[0]} is unknown here). Update this checkout first.`);
  }
  return manifest;
}

async function assertEmpty(client: pg.Client, uploads: string): Promise<void> {
  const { rows } = await client.query<{ count: string }>(
    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'",
  );
  if (Number(rows[0]!.count) > 0) {
    throw new BackupError(
      `Database ${client.database} is not empty. A restore loads into an empty database only: create a new one and point DATABASE_URL at it, or drop this one first.`,
    );
  }
  if (existsSync(uploads) && (await readdir(uploads)).length > 0) {
    throw new BackupError(`The upload folder ${uploads} is not empty. Point UPLOADS_DIR at an empty or new folder.`);
  }
}

function differences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const tables = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...tables].filter((table) => expected[table] !== actual[table]).map((table) => `${table}: archive ${expected[table] ?? "—"}, restored ${actual[table] ?? "—"}`);
}

async function restore(databaseUrl: string, archive: string, staging: string): Promise<void> {
  const uploads = path.resolve(config.UPLOADS_DIR);
  await runTool("tar", ["--extract", "--gzip", "--no-same-owner", "--no-same-permissions", `--file=${archive}`, "-C", staging]);
  const manifest = await readManifest(staging);
  const restoredUploads = path.join(staging, UPLOADS_FOLDER);
  await mkdir(restoredUploads, { recursive: true });
  const missing = await missingFiles(restoredUploads, manifest.uploads);
  if (missing.length > 0) throw new BackupError(`The archive lacks ${missing.length} upload file(s) its database names, e.g. ${missing[0]}.`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await assertEmpty(client, uploads);
    const pgRestore = clientTool("pg_restore", config.PG_BIN_DIR);
    await toolVersionFor(pgRestore, manifest.pgDumpVersion);
    await toolVersionFor(pgRestore, await serverVersion(client));

    const connection = libpqConnection(databaseUrl);
    await runTool(
      pgRestore,
      ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", `--dbname=${connection.uri}`, path.join(staging, DUMP_FILE)],
      connection.env,
    );
    const mismatched = differences(manifest.rows, await rowCounts(client));
    if (mismatched.length > 0) throw new BackupError(`The restored rows differ from the archive's: ${mismatched.join("; ")}. Drop the database before trying again.`);
  } finally {
    await client.end();
  }

  const { applied } = await migrate(databaseUrl);
  if (existsSync(uploads)) await rmdir(uploads); // checked empty above
  await mkdir(path.dirname(uploads), { recursive: true });
  await rename(restoredUploads, uploads);

  console.log(`Restored ${archive} (made ${manifest.createdAt})`);
  console.log(`  database: ${describeRows(manifest.rows)}, row counts match the archive${applied.length > 0 ? `; then ${applied.length} newer migration(s) applied` : ""}`);
  console.log(`  uploads:  into ${uploads}`);
}

const archive = process.argv[2];
if (archive === undefined) {
  console.error("Usage: npm run restore ARCHIVE   (an archive written by `npm run backup`)");
  process.exit(1);
}
const archivePath = path.resolve(archive);
const uploadsParent = path.dirname(path.resolve(config.UPLOADS_DIR));
await mkdir(uploadsParent, { recursive: true });
// Unpacked next to the upload folder, so the files move into place by renaming.
const staging = await mkdtemp(path.join(uploadsParent, ".copydesk-restore-"));
try {
  if (!existsSync(archivePath)) throw new BackupError(`${archivePath} does not exist.`);
  await checkEntries(archivePath);
  await withDatabase(config, (databaseUrl) => restore(databaseUrl, archivePath, staging));
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Restore failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await rm(staging, { recursive: true, force: true });
}
