import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { createDb } from "@/lib/db";
import { localStorage } from "@/lib/storage";
import { seed } from "@/prisma/seed";
import { migrate } from "./migrate";
import { ROOT } from "./processes";
import { createDatabase } from "./postgres-admin";
import type { TestServer } from "./test-postgres";

/** A new database on `server`, migrated and seeded with the demo newsroom (images into `uploads`). */
export async function seededDatabase(server: TestServer, name: string, uploads: string): Promise<string> {
  await createDatabase(server.url("postgres"), name);
  const databaseUrl = server.url(name);
  await migrate(databaseUrl);
  const db = createDb(databaseUrl, 2);
  try {
    await seed(db, { password: process.env.SEED_PASSWORD ?? "copydesk-demo", storage: localStorage(uploads) });
  } finally {
    await db.$disconnect();
  }
  return databaseUrl;
}

/**
 * Next keeps cached reads (unstable_cache) in .next/cache/fetch-cache and
 * rendered pages in .next/server/route-cache across restarts; a server about
 * to start on a new database must not serve another database's stories from
 * them.
 */
export async function forgetCachedReads(): Promise<void> {
  await rm(path.join(ROOT, ".next", "cache", "fetch-cache"), { recursive: true, force: true });
  await rm(path.join(ROOT, ".next", "server", "route-cache"), { recursive: true, force: true });
}

/** The environment of a production server on `port` over that database, with a one-off secret. */
export function productionEnv(databaseUrl: string, port: number | string, uploads: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://localhost:${port}`,
    UPLOADS_DIR: uploads,
    ...extra,
  };
}
