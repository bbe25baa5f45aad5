import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
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
  errors: number;
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
export async function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  if (WRK) {
    const threads = String(Math.min(2, connections));
    const { stdout } = await promisify(execFile)(WRK, ["-t", threads, "-c", String(connections), "-d", `${seconds}s`, "--latency", url], { maxBuffer: 1 << 20 });
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
      errors: non2xx + (socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
    };
  }
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    tool: "autocannon",
    connections,
    seconds,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export function percentiles(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN, n: sorted.length };
}
