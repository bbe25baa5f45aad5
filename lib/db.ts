import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env, requireDatabaseUrl } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/**
 * We build the pg.Pool ourselves so that an idle client's error (a Postgres
 * restart, a dropped connection) is logged instead of crashing the process
 * (prisma/orm#27641), and so that every query has a time limit.
 */
export function createDb(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
  });
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    onPoolError: (error) => console.error("[db] idle PostgreSQL client failed:", error.message),
  });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as typeof globalThis & { copydeskDb?: Db };

/**
 * The app's one Prisma client, created on first use (not at import, so that
 * `next build` can load modules without a database). Kept on globalThis so
 * dev-mode hot reloads do not open a new pool each time.
 */
export function db(): Db {
  if (globalForDb.copydeskDb === undefined) {
    const config = env();
    globalForDb.copydeskDb = createDb(requireDatabaseUrl(config), config.DATABASE_POOL_MAX);
  }
  return globalForDb.copydeskDb;
}
