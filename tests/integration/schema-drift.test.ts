import { cp, mkdtemp, readFile, writeFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate } from "@/scripts/lib/migrate";
import { freshDatabase } from "../support/database";
import { schemaDrift } from "../support/schema-drift";

const INIT = "20261126100000_init";

describe("prisma/schema.prisma and prisma/migrations", () => {
  it("describe the same database", async () => {
    const { url } = await freshDatabase();
    expect(await schemaDrift(url)).toEqual([]);
  });
});

/** The checker itself must catch drift, or the test above proves nothing. */
describe("the drift check", () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

  async function driftAfterEditing(edit: (sql: string) => string): Promise<string[]> {
    const folder = await mkdtemp(path.join(os.tmpdir(), "copydesk-migrations-"));
    folders.push(folder);
    await cp(MIGRATIONS_DIR, folder, { recursive: true });
    const file = path.join(folder, INIT, "migration.sql");
    const original = await readFile(file, "utf8");
    const edited = edit(original);
    expect(edited).not.toEqual(original);
    await writeFile(file, edited);
    const { url } = await freshDatabase({ migrated: false });
    await migrate(url, { dir: folder });
    return schemaDrift(url);
  }

  it("reports a column removed from a migration", async () => {
    const drift = await driftAfterEditing((sql) => sql.replace(`    "byteSize" INTEGER NOT NULL,\n`, ""));
    expect(drift).toContain(`column "Media"."byteSize" is missing`);
  });

  it("reports a column whose nullability differs", async () => {
    const drift = await driftAfterEditing((sql) => sql.replace(`"name" TEXT NOT NULL,\n    "passwordHash"`, `"name" TEXT,\n    "passwordHash"`));
    expect(drift).toContain(`column "User"."name" is nullable, schema says NOT NULL`);
  });

  it("reports a column whose type differs", async () => {
    const drift = await driftAfterEditing((sql) => sql.replace(`"version" INTEGER NOT NULL DEFAULT 1`, `"version" BIGINT NOT NULL DEFAULT 1`));
    expect(drift).toContain(`column "Article"."version" is int8, schema says int4`);
  });

  it("reports a missing unique index and a missing table", async () => {
    const drift = await driftAfterEditing((sql) =>
      sql
        .replace(`CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");`, "")
        .replace(/-- CreateTable\nCREATE TABLE "Comment" \([^;]*\);/, "")
        .replace(/-- CreateIndex\nCREATE INDEX "Comment_[^;]*;/, "")
        .replace(/-- AddForeignKey\nALTER TABLE "Comment"[^;]*;/g, ""),
    );
    expect(drift).toContain(`unique index on "Article"(slug) is missing`);
    expect(drift).toContain(`table "Comment" is missing`);
  });

  it("reports a column the schema does not know", async () => {
    const drift = await driftAfterEditing((sql) => sql.replace(`"disabled" BOOLEAN`, `"nickname" TEXT,\n    "disabled" BOOLEAN`));
    expect(drift).toContain(`column "User"."nickname" exists in the database but not in the schema`);
  });
});
