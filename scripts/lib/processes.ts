import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { serverHeapMb } from "@/lib/env";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
/** Runtime code every server process preloads; production refuses to run without it (lib/auth/edge-stamp.js). */
export const SERVER_EDGE = path.join(ROOT, "scripts", "server-edge.mjs");

/**
 * The environment for a Next server process: preloads scripts/server-edge.mjs,
 * which sees every request before Next does (peer address, request id, cache
 * tags, withdrawn stories' 410, request log), and bounds a production
 * server's heap (SERVER_HEAP_MB; READER_CACHE_MB of it holds pages).
 */
export function nextServerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const preload = `--import=${pathToFileURL(SERVER_EDGE).href}`;
  const given = env.NODE_OPTIONS ?? "";
  // Called twice when a caller prepares the environment and then runs scripts/start.ts, which calls it again.
  const heap = env.NODE_ENV === "production" && !given.includes("--max-old-space-size") ? `--max-old-space-size=${serverHeapMb(env)}` : undefined;
  return { ...env, NODE_OPTIONS: [given, given.includes(preload) ? undefined : preload, heap].filter(Boolean).join(" ") };
}

/** Spawns a child that shares our terminal; resolves with its exit code. */
export function runInherited(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { child: ChildProcess; exited: Promise<number> } {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
  const exited = new Promise<number>((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    child.on("error", () => resolve(127));
  });
  return { child, exited };
}

/** Stops a child politely, then firmly after a grace period. */
export async function stopChild(child: ChildProcess, exited: Promise<number>, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface Supervised {
  /** The running process's id (a process group of its own), or undefined between runs. */
  readonly pid: number | undefined;
  /** How many times it was started again after exiting. */
  readonly restarts: number;
  /** Stops it (SIGTERM to its group, SIGKILL after the grace period) and starts it no more. */
  stop(graceMs?: number): Promise<void>;
}

const signalGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the whole group is gone already
  }
};

/**
 * Runs a command and starts it again whenever it exits, after a back-off
 * that doubles from `firstMs` up to `maxMs` and starts over once a run has
 * lasted `stableMs` — what systemd's Restart=always does in production, for
 * `npm run stack`. Each run gets a process group of its own, so when the
 * command dies its children (next-server under scripts/start.ts) go with it
 * and cannot keep holding the port the next run needs.
 */
export function supervise(options: {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  log: (line: string) => void;
  firstMs?: number;
  maxMs?: number;
  stableMs?: number;
}): Supervised {
  const { name, command, args, env = process.env, log, firstMs = 1_000, maxMs = 30_000, stableMs = 60_000 } = options;
  let child: ChildProcess | undefined;
  let exited: Promise<number> = Promise.resolve(0);
  let restarts = 0;
  let stopping = false;
  const stopped = new AbortController();

  const run = () => {
    child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit", detached: true });
    log(`${name} started (pid ${child.pid})`);
    const running = child;
    exited = new Promise<number>((resolve) => {
      running.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
      running.on("error", () => resolve(127));
    });
    return exited;
  };

  const loop = async () => {
    let delay = firstMs;
    while (!stopping) {
      const started = Date.now();
      const code = await run();
      signalGroup(child!, "SIGKILL");
      child = undefined;
      if (stopping) return;
      if (Date.now() - started >= stableMs) delay = firstMs;
      log(`${name} exited (${code}); starting it again in ${delay / 1000} s`);
      await sleep(delay, undefined, { signal: stopped.signal }).catch(() => {});
      delay = Math.min(delay * 2, maxMs);
      restarts += 1;
    }
  };
  const done = loop();

  return {
    get pid() {
      return child?.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop(graceMs = 10_000) {
      stopping = true;
      stopped.abort();
      const running = child;
      if (running) {
        signalGroup(running, "SIGTERM");
        const timer = setTimeout(() => signalGroup(running, "SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      }
      await done;
    },
  };
}
