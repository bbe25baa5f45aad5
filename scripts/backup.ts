import { existsSync, statSync } from "node:fs";
import { mkdir, readdir, rm, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import {
  appliedMigrations,
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
  packArchive,
  privateStaging,
  rowCounts,
  runTool,
  serverVersion,
  toolVersionFor,
  uploadKeys,
  UPLOADS_FOLDER,
} from "./lib/backup-archive";
import { withDatabase } from "./lib/database";
import { ROOT } from "./lib/processes";

/**
 * `npm run backup [-- FILE_OR_FOLDER]`: one archive of the database (pg_dump)
 * and the uploads, written to backups/ unless told otherwise. The dump, the
 * row counts and the list of upload files all come from one snapshot, so the
 * archive is consistent while the newsroom keeps working. The archive appears
 * under its name only once it is complete.
 */
const config = env();
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
const fileName = `copydesk-${stamp}.tar.gz`;

function outputPath(argument: string | undefined): string {
  if (argument === undefined) return path.join(ROOT, "backups", fileName);
  const resolved = path.resolve(argument);
  return existsSync(resolved) && statSync(resolved).isDirectory() ? path.join(resolved, fileName) : resolved;
}

async function countFiles(folder: string): Promise<number> {
  if (!existsSync(folder)) return 0;
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && !entry.name.endsWith(".partial")).length;
}

async function backup(databaseUrl: string, output: string): Promise<void> {
  if (existsSync(output)) throw new BackupError(`${output} already exists; a backup never overwrites a file.`);
  const uploads = path.resolve(config.UPLOADS_DIR);
  // A folder made here is private; a folder someone named is theirs to set (the archive itself is 0600 either way).
  await mkdir(path.dirname(output), { recursive: true, mode: 0o700 });
  const staging = await privateStaging(output);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const server = await serverVersion(client);
    const pgDump = clientTool("pg_dump", config.PG_BIN_DIR);
    const pgDumpVersion = await toolVersionFor(pgDump, server);

    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
    const rowsPerTable = await rowCounts(client);
    const migrations = await appliedMigrations(client);
    const namedUploads = await uploadKeys(client);
    const missingUploads = await missingFiles(uploads, namedUploads);
    const missingSet = new Set(missingUploads);
    const connection = libpqConnection(databaseUrl);
    await runTool(
      pgDump,
      ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${rows[0]!.snapshot}`, `--file=${path.join(staging, DUMP_FILE)}`, `--dbname=${connection.uri}`],
      connection.env,
    );
    await client.query("COMMIT");

    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion: server,
      pgDumpVersion,
      migrations,
      rows: rowsPerTable,
      uploads: namedUploads.filter((key) => !missingSet.has(key)),
      missingUploads,
    };
    await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    // Files uploaded after the snapshot may come along too: they are whole (uploads are written then renamed) and harmless.
    if (existsSync(uploads)) await symlink(uploads, path.join(staging, UPLOADS_FOLDER));
    else await mkdir(path.join(staging, UPLOADS_FOLDER));
    await packArchive(staging, output, [MANIFEST_FILE, DUMP_FILE, UPLOADS_FOLDER]);

    const size = (await stat(output)).size;
    console.log(`Backup written: ${output} (${(size / 1024 / 1024).toFixed(1)} MB)`);
    console.log(`  database: ${describeRows(rowsPerTable)}, ${migrations.length} migrations, PostgreSQL ${server}, pg_dump ${pgDumpVersion}`);
    console.log(`  uploads:  ${await countFiles(uploads)} files from ${uploads}`);
    if (missingUploads.length > 0) {
      console.warn(`  warning: ${missingUploads.length} upload file(s) the database names were already missing: ${missingUploads.slice(0, 5).join(", ")}${missingUploads.length > 5 ? ", …" : ""}`);
    }
  } finally {
    await client.end();
    await rm(staging, { recursive: true, force: true });
  }
}

try {
  // Whatever this process and its tools (pg_dump, tar) create is the owner's alone.
  process.umask(0o077);
  const output = outputPath(process.argv[2]);
  await withDatabase(config, (databaseUrl) => backup(databaseUrl, output));
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Backup failed: ${error.message}`);
  process.exit(1);
}
