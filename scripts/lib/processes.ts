import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serverHeapMb } from "@/lib/env";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/**
 * The environment for a Next server process: preloads scripts/server-edge.mjs,
 * which sees every request before Next does (peer address, request id, cache
 * tags, withdrawn stories' 410, request log), and bounds a production
 * server's heap (SERVER_HEAP_MB; READER_CACHE_MB of it holds pages).
 */
export function nextServerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const preload = `--import=${pathToFileURL(path.join(ROOT, "scripts", "server-edge.mjs")).href}`;
  const heap = env.NODE_ENV === "production" ? `--max-old-space-size=${serverHeapMb(env)}` : undefined;
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, preload, heap].filter(Boolean).join(" ") };
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
