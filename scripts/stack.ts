import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { env } from "@/lib/env";
import { claimDevLock, DATA_DIR, localSecret, prepareDatabase, releaseDevLock, runningDev, startDevCluster } from "./lib/database";
import type { EmbeddedPostgres } from "./lib/embedded-postgres";
import { NGINX, startReaderProxy, type Nginx } from "./lib/nginx";
import { bin, ROOT, runInherited, supervise, type Supervised } from "./lib/processes";

/**
 * `npm run stack`: the production layout on this machine. PostgreSQL (the
 * embedded one unless DATABASE_URL is set), STACK_INSTANCES app instances
 * (`npm start` on the production build, built first if there is none) and the
 * nginx reader tier in front of them on STACK_PORT; its refresh listener on
 * the next port, the instances on the ports after that, on 127.0.0.1 only
 * (readers come through the tier). The instances share nothing but the
 * database (and, on one machine, the upload folder): their caches stay
 * coherent through PostgreSQL. An instance that exits is started again after
 * a back-off, as a supervisor would in production, while the others keep
 * serving. Ctrl-C stops the tier, then the instances, then PostgreSQL.
 */
const config = env();
const tierPort = config.STACK_PORT;
const refreshPort = tierPort + 1;
const instancePorts = Array.from({ length: config.STACK_INSTANCES }, (_, index) => tierPort + 2 + index);
const publicUrl = config.NEXTAUTH_URL ?? `http://localhost:${tierPort}`;
const log = (line: string) => console.log(`[stack] ${line}`);

if (!NGINX) {
  console.error("npm run stack needs nginx for the reader tier (Debian: apt-get install nginx).");
  process.exit(1);
}

let cluster: EmbeddedPostgres | undefined;
let ownsDevLock = false;
let tier: Nginx | undefined;
const instances: Supervised[] = [];
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  await tier?.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
  await cluster?.stop();
  if (ownsDevLock) releaseDevLock();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

async function databaseUrl(): Promise<string> {
  if (config.DATABASE_URL !== undefined) return config.DATABASE_URL;
  // The embedded database belongs to one process at a time: a running `npm run dev` lends its own.
  const dev = runningDev();
  if (dev) return dev.databaseUrl;
  const started = await startDevCluster(config, log);
  cluster = started.cluster;
  const holder = claimDevLock({ pid: process.pid, databaseUrl: started.databaseUrl, appUrl: publicUrl });
  if (holder) throw new Error(`Copydesk's embedded database is in use by pid ${holder.pid}; stop it first.`);
  ownsDevLock = true;
  return started.databaseUrl;
}

async function healthy(port: number, limitMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.ok, () => false)) return;
    if (stopping) return;
    await sleep(200);
  }
  throw new Error(`the instance on port ${port} did not answer /api/health within ${limitMs / 1000} s`);
}

try {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    log("no production build yet: building (npm run build)");
    const build = runInherited(bin("next"), ["build"]);
    if ((await build.exited) !== 0) throw new Error("the build failed");
  }
  const url = await databaseUrl();
  await prepareDatabase(url, config, log);

  const instanceEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url,
    NEXTAUTH_SECRET: config.NEXTAUTH_SECRET ?? localSecret(),
    NEXTAUTH_URL: publicUrl,
    READER_REFRESH_URL: `http://127.0.0.1:${refreshPort}`,
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? "127.0.0.1",
  };
  // Loopback only: nothing but the tier (and this machine) should reach an instance (deploy/README.md).
  instancePorts.forEach((port, index) => {
    instances.push(
      supervise({
        name: `instance ${index + 1}`,
        command: process.execPath,
        args: ["--import", "tsx", "scripts/start.ts", "--port", String(port), "--hostname", "127.0.0.1"],
        env: instanceEnv,
        log,
      }),
    );
  });
  await Promise.all(instancePorts.map((port) => healthy(port)));
  tier = await startReaderProxy({
    prefix: path.join(DATA_DIR, "stack-nginx"),
    upstreams: instancePorts.map((port) => `127.0.0.1:${port}`),
    publicPort: tierPort,
    refreshPort,
  });

  console.log(`\nreader tier: http://localhost:${tierPort}`);
  instancePorts.forEach((port, index) => console.log(`instance ${index + 1}: http://127.0.0.1:${port}`));
  console.log(`refresh listener: http://127.0.0.1:${refreshPort}`);
  console.log(`database: ${cluster ? `embedded PostgreSQL on 127.0.0.1:${cluster.port}` : config.DATABASE_URL ? "DATABASE_URL" : "the running npm run dev's"}`);
  console.log("Press Ctrl-C to stop all of it.\n");

  // Instances that exit are restarted by their supervisors; the stack runs until it is told to stop.
  await new Promise(() => setInterval(() => {}, 1 << 30));
} catch (error) {
  console.error(`[stack] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
