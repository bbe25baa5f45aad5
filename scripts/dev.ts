import { env } from "@/lib/env";
import { USERS } from "@/prisma/seed-data";
import { claimDevLock, localSecret, prepareDatabase, releaseDevLock, startDevCluster, updateDevLock } from "./lib/database";
import type { EmbeddedPostgres } from "./lib/embedded-postgres";
import { bin, nextServerEnv, runInherited, stopChild } from "./lib/processes";

/**
 * `npm run dev`: the whole app on one command. Without DATABASE_URL it runs
 * an embedded PostgreSQL whose data lives in .data/ across restarts; it
 * migrates, seeds an empty database, then runs `next dev`. Ctrl-C stops Next
 * first and PostgreSQL after it.
 */
const config = env();
const port = Number(process.env.PORT ?? 3000);
const appUrl = `http://localhost:${port}`;
const log = (line: string) => console.log(`[copydesk] ${line}`);

const holder = claimDevLock({ pid: process.pid, databaseUrl: "", appUrl });
if (holder) {
  console.error(
    `Copydesk is already running (pid ${holder.pid}) at ${holder.appUrl}.\n` +
      `Use that one, or stop it with Ctrl-C in its terminal before starting another.`,
  );
  process.exit(1);
}

let cluster: EmbeddedPostgres | undefined;
let stopping = false;

async function shutdown(code: number, stopNext: () => Promise<void> = async () => {}) {
  if (stopping) return;
  stopping = true;
  await stopNext();
  if (cluster) {
    log("Stopping PostgreSQL…");
    await cluster.stop();
  }
  releaseDevLock();
  process.exit(code);
}

try {
  let databaseUrl = config.DATABASE_URL;
  if (databaseUrl === undefined) {
    log("No DATABASE_URL: starting the embedded PostgreSQL…");
    const started = await startDevCluster(config, log);
    cluster = started.cluster;
    databaseUrl = started.databaseUrl;
  }
  updateDevLock({ pid: process.pid, databaseUrl, appUrl });

  await prepareDatabase(databaseUrl, config, log);

  const next = runInherited(
    bin("next"),
    ["dev", "--port", String(port)],
    nextServerEnv({
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: config.NEXTAUTH_SECRET ?? localSecret(),
      NEXTAUTH_URL: config.NEXTAUTH_URL ?? appUrl,
    }),
  );
  const stopNext = () => stopChild(next.child, next.exited);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => void shutdown(0, stopNext));
  }

  console.log(`
  Copydesk is starting at ${appUrl}

  Demo logins (development only), password "${config.SEED_PASSWORD}":
${USERS.map((user) => `    ${user.role.padEnd(8)} ${user.email}`).join("\n")}

  Press Ctrl-C to stop.
`);
  const code = await next.exited;
  await shutdown(code);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
