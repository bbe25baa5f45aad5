import { mkdtemp, chmod, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "./embedded-postgres";
import { withDatabaseName } from "./postgres-admin";

/**
 * The PostgreSQL server a test run uses: the one DATABASE_URL points at when
 * set (it must be on this machine — tests create and drop databases), else a
 * throwaway embedded cluster in a temporary folder.
 */
export interface TestServer {
  /** a URL for database `name` on the server */
  url(name: string): string;
  stop(): Promise<void>;
}

/** Where the e2e server leaves its database URL, for specs that plant data no API would accept. */
export const E2E_DATABASE_FILE = path.resolve(import.meta.dirname, "../../test-results/e2e-database-url");
/** …and its upload folder, for the backup check. */
export const E2E_UPLOADS_FILE = path.resolve(import.meta.dirname, "../../test-results/e2e-uploads-dir");

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function assertLocal(databaseUrl: string): void {
  const host = new URL(databaseUrl).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(
      `Refusing to run tests against ${host}: tests create and drop databases, so DATABASE_URL must point at this machine.`,
    );
  }
}

export async function startTestServer(): Promise<TestServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    assertLocal(configured);
    return { url: (name) => withDatabaseName(configured, name), stop: async () => {} };
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), "copydesk-test-pg-"));
  // As root the server runs as `postgres`, which must be able to reach its data folder.
  await chmod(folder, 0o755);
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(folder, "data"),
    port: await freePort(),
    durable: false,
  });
  return {
    url: cluster.url,
    stop: async () => {
      await cluster.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
