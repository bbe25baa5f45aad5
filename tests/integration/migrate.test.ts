import { createHash } from "node:crypto";
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from "@/scripts/lib/migrate";
import { freshDatabase } from "../support/database";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const bookkeeping = (url: string) =>
  query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    url,
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
  );

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function copyOfMigrations(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "copydesk-migrations-"));
  folders.push(folder);
  await cp(MIGRATIONS_DIR, folder, { recursive: true });
  return folder;
}

describe("npm run db:migrate", () => {
  it("applies every migration once and records it the way Prisma does", async () => {
    const { url } = await freshDatabase({ migrated: false });
    const files = await readMigrations();

    const first = await migrate(url);
    expect(first.applied).toEqual(files.map((file) => file.name));

    const rows = await bookkeeping(url);
    expect(rows).toHaveLength(files.length);
    for (const [i, row] of rows.entries()) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.migration_name).toBe(files[i]!.name);
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("is a no-op the second time", async () => {
    const { url } = await freshDatabase({ migrated: false });
    await migrate(url);
    const before = await bookkeeping(url);
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(before.length);
    expect(await bookkeeping(url)).toEqual(before);
  });

  it("applies a migration exactly once when several run at the same moment", async () => {
    const { url } = await freshDatabase({ migrated: false });
    const runs = await Promise.all([migrate(url), migrate(url), migrate(url), migrate(url)]);
    const files = await readMigrations();
    expect(runs.flatMap((run) => run.applied).sort()).toEqual(files.map((file) => file.name));
    expect(await bookkeeping(url)).toHaveLength(files.length);
  });

  it("stops with a clear error when an applied migration was edited", async () => {
    const { url } = await freshDatabase({ migrated: false });
    const folder = await copyOfMigrations();
    await migrate(url, { dir: folder });
    const [first] = await readMigrations(folder);
    await writeFile(path.join(folder, first!.name, "migration.sql"), `${first!.sql}\n-- an innocent-looking edit\n`);
    const attempt = migrate(url, { dir: folder });
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(migrate(url, { dir: folder })).rejects.toThrow(`Migration ${first!.name} was modified after it was applied`);
  });

  it("accepts an applied migration whose line endings changed, as Prisma does", async () => {
    const { url } = await freshDatabase({ migrated: false });
    const folder = await copyOfMigrations();
    await migrate(url, { dir: folder });
    const [first] = await readMigrations(folder);
    await writeFile(path.join(folder, first!.name, "migration.sql"), first!.sql.replace(/\n/g, "\r\n"));
    await expect(migrate(url, { dir: folder })).resolves.toMatchObject({ applied: [] });
  });

  it("rolls back a failing migration whole and records nothing for it", async () => {
    const { url } = await freshDatabase({ migrated: false });
    const folder = await copyOfMigrations();
    await mkdir(path.join(folder, "29990101000000_broken"));
    await writeFile(
      path.join(folder, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n`,
    );
    await expect(migrate(url, { dir: folder })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const rows = await bookkeeping(url);
    expect(rows.map((row) => row.migration_name)).not.toContain("29990101000000_broken");
    expect(await query(url, `SELECT to_regclass('"HalfDone"') AS t`)).toEqual([{ t: null }]);
  });

  it("refuses to go on past a migration Prisma left unfinished", async () => {
    const { url } = await freshDatabase({ migrated: false });
    await migrate(url);
    await query(url, `UPDATE "_prisma_migrations" SET finished_at = NULL`);
    await expect(migrate(url)).rejects.toThrow(/started but never finished/);
  });
});
