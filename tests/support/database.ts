import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { createDatabase, dropDatabase, withDatabaseName } from "@/scripts/lib/postgres-admin";

export interface TestDatabase {
  url: string;
  db: Db;
}

/** A new database for this test file; `migrated: false` gives an empty one. Dropped after the file. */
export async function freshDatabase({ migrated = true } = {}): Promise<TestDatabase> {
  const adminUrl = inject("adminUrl");
  const name = `test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await createDatabase(adminUrl, name, migrated ? inject("templateDatabase") : undefined);
  const url = withDatabaseName(adminUrl, name);
  const db = createDb(url, 4);
  afterAll(async () => {
    await db.$disconnect();
    await dropDatabase(adminUrl, name);
  });
  return { url, db };
}
