import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { createDatabase, dropDatabase, withDatabaseName } from "@/scripts/lib/postgres-admin";

export interface TestDatabase {
  url: string;
  db: Db;
}

/**
 * A new database for this test file; `migrated: false` gives an empty one.
 * `asAppDatabase` points the app's own client (lib/db.ts) at it, for testing
 * services; call it before anything touches the app's client. Dropped after the file.
 */
export async function freshDatabase({ migrated = true, asAppDatabase = false } = {}): Promise<TestDatabase> {
  const adminUrl = inject("adminUrl");
  const name = `test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await createDatabase(adminUrl, name, migrated ? inject("templateDatabase") : undefined);
  const url = withDatabaseName(adminUrl, name);
  if (asAppDatabase) process.env.DATABASE_URL = url;
  const db = createDb(url, 4);
  afterAll(async () => {
    await db.$disconnect();
    await dropDatabase(adminUrl, name);
  });
  return { url, db };
}
