import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";

export interface LoadResult {
  tool: "wrk" | "autocannon";
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  /** timeouts, failed sockets and answers other than 2xx/3xx — 503s counted as `shed` excepted */
  errors: number;
  /** quick 503s with Retry-After from an instance past its capacity (lib/reader/admission.js), when counted */
  shed: number;
}

/**
 * A wrk script that counts 503 answers across its threads. Only where asked (Next alone): a Lua
 * response hook costs wrk time, which would understate the tier.
 */
const COUNT_SHED = `
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) shed = 0 end
function response(status, headers, body) if status == 503 then shed = shed + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("shed") end
  io.write(string.format("Shed 503: %d\\n", total))
end
`;
let shedScript: string | undefined;
async function countShedScript(): Promise<string> {
  if (!shedScript) {
    const folder = await mkdtemp(path.join(os.tmpdir(), "copydesk-wrk-"));
    shedScript = path.join(folder, "count-shed.lua");
    await writeFile(shedScript, COUNT_SHED);
  }
  return shedScript;
}

const WRK = ["/usr/bin/wrk", "/usr/local/bin/wrk"].find((candidate) => existsSync(candidate)) ?? null;
export const LOAD_TOOL = WRK ? "wrk" : "autocannon";

const ms = (value: string) => {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) return NaN;
  const n = Number(match[1]);
  return match[2] === "us" ? n / 1000 : match[2] === "s" ? n * 1000 : n;
};

/** wrk (C, from Debian) when installed: it stays out of the server's way on 2 cores; autocannon otherwise. */
export async function load(url: string, connections: number, seconds: number, { countShed = false } = {}): Promise<LoadResult> {
  if (WRK) {
    const threads = String(Math.min(2, connections));
    const script = countShed ? ["-s", await countShedScript()] : [];
    const { stdout } = await promisify(execFile)(WRK, ["-t", threads, "-c", String(connections), "-d", `${seconds}s`, "--latency", ...script, url], { maxBuffer: 1 << 20 });
    const shed = Number(/Shed 503: (\d+)/.exec(stdout)?.[1] ?? 0);
    const percentile = (p: string) => ms(new RegExp(`^\\s+${p}%\\s+(\\S+)`, "m").exec(stdout)?.[1] ?? "");
    const requests = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0);
    const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
    return {
      tool: "wrk",
      connections,
      seconds,
      requests,
      rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0),
      p50: percentile("50"),
      p90: percentile("90"),
      p99: percentile("99"),
      errors: non2xx - shed + (socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
      shed,
    };
  }
  const result = await autocannon({ url, connections, duration: seconds });
  const shed = countShed ? (result.statusCodeStats?.["503"]?.count ?? 0) : 0;
  return {
    tool: "autocannon",
    connections,
    seconds,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx - shed,
    shed,
  };
}

/**
 * Readers in the background while something else is measured: `connections`
 * wrk connections on each URL, each waiting `pause` ms between requests
 * (readers at a steady rate), or none (readers as fast as they can go, the
 * pathological case). Stop returns how many requests they made.
 */
export async function readersInBackground(urls: string[], { connections, requestsPerSecond }: { connections: number; requestsPerSecond: number | null }) {
  if (!WRK) throw new Error("readers in the background need wrk (apt-get install wrk)");
  const folder = await mkdtemp(path.join(os.tmpdir(), "copydesk-readers-"));
  const script = path.join(folder, "pace.lua");
  // wrk's delay() is per connection: each waits long enough that all of them together make the rate.
  const pauseMs = requestsPerSecond ? Math.max(1, Math.round((connections * urls.length * 1000) / requestsPerSecond)) : 0;
  await writeFile(script, pauseMs > 0 ? `function delay() return ${pauseMs} end\n` : "");
  const runs = urls.map((url) => {
    const child = spawn(WRK, ["-t", "1", "-c", String(connections), "-d", "1h", "-s", script, url], { stdio: ["ignore", "pipe", "ignore"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const exited = new Promise<string>((resolve) => child.once("exit", () => resolve(output)));
    return { child, exited };
  });
  return async (): Promise<number> => {
    for (const run of runs) run.child.kill("SIGINT");
    const outputs = await Promise.all(runs.map((run) => run.exited));
    await rm(folder, { recursive: true, force: true });
    return outputs.reduce((sum, output) => sum + Number(/(\d+) requests in/.exec(output)?.[1] ?? 0), 0);
  };
}

export function percentiles(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN, n: sorted.length };
}
