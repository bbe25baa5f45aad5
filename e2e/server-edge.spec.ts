import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
import { freePort } from "@/scripts/lib/embedded-postgres";
import { NGINX } from "@/scripts/lib/nginx";
import { bin, ROOT } from "@/scripts/lib/processes";
import { E2E_DATABASE_FILE, E2E_UPLOADS_FILE } from "@/scripts/lib/test-postgres";

/*
 * Issue #22: the server edge is not optional. A bare `next start` in production refuses to run, saying
 * why. And `npm run stack` as a supervisor: its instances listen on loopback only, and when one dies the
 * others keep serving through the tier while it is started again. Starts servers of its own, so it runs
 * alone (playwright.config.ts, "operations").
 */
test.describe.configure({ mode: "serial" });

function collect(child: ChildProcess): { text: () => string } {
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  return { text: () => output };
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));

test("production start-up without the server edge (a bare next start) refuses to run and says why", async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  const server = spawn(bin("next"), ["start", "--port", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      NODE_ENV: "production",
      DATABASE_URL: `postgresql://nobody:x@127.0.0.1:${await freePort()}/none`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collect(server);
  const code = await Promise.race([exitOf(server), sleep(60_000).then(() => "still running" as const)]);
  if (code === "still running") server.kill("SIGKILL");
  expect(code, output.text()).not.toBe("still running");
  expect(code).not.toBe(0);
  expect(output.text()).toContain("Copydesk refuses to start in production without its server edge (scripts/server-edge.mjs)");
});

/** A port p with p+1…p+3 free too: the stack's tier, refresh listener and two instances. */
async function freeRun(length: number): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = net.createServer().once("error", () => resolve(false));
      server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
    });
  for (;;) {
    const first = await freePort();
    if (first + length > 65_000) continue;
    let all = true;
    for (let port = first + 1; port < first + length && all; port++) all = await free(port);
    if (all) return first;
  }
}

test("npm run stack keeps serving when an instance dies, starts it again, and binds instances to loopback only", async ({ baseURL }) => {
  test.setTimeout(300_000);
  expect(NGINX, "nginx is needed for the reader tier").not.toBeNull();
  const tierPort = await freeRun(4);
  const instancePorts = [tierPort + 2, tierPort + 3];
  const stack = spawn(process.execPath, ["--import", "tsx", "scripts/stack.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      DATABASE_URL: (await readFile(E2E_DATABASE_FILE, "utf8")).trim(),
      UPLOADS_DIR: (await readFile(E2E_UPLOADS_FILE, "utf8")).trim(),
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      STACK_PORT: String(tierPort),
      STACK_INSTANCES: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collect(stack);
  const tier = `http://127.0.0.1:${tierPort}`;
  try {
    await expect.poll(() => output.text().includes("Press Ctrl-C"), { timeout: 180_000, intervals: [500] }).toBe(true);
    const article = /href="(\/articles\/[a-z0-9-]+)"/.exec(await (await fetch(`${baseURL}/`)).text())?.[1];
    expect(article).toBeTruthy();
    expect((await fetch(`${tier}${article}`)).status).toBe(200);

    // Loopback only: the machine's other addresses do not reach an instance.
    const outside = Object.values(os.networkInterfaces()).flat().find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address;
    if (outside) {
      const reached = await fetch(`http://${outside}:${instancePorts[0]}/api/health`, { signal: AbortSignal.timeout(3_000) }).then(() => true, () => false);
      expect(reached, `instance reachable on ${outside}`).toBe(false);
    }

    // Instance 1 dies (SIGKILL, no goodbye).
    const pid = Number(/instance 1 started \(pid (\d+)\)/.exec(output.text())?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, "SIGKILL");
    const since = Date.now();

    // Readers keep being served through the tier (past its cache: a new address each time) until it is back.
    const failures: string[] = [];
    let served = 0;
    let back = false;
    while (!back && Date.now() - since < 120_000) {
      const status = await fetch(`${tier}${article}?r=${served}`).then((response) => response.status, (error: Error) => error.message);
      if (status === 200) served += 1;
      else failures.push(String(status));
      back = await fetch(`http://127.0.0.1:${instancePorts[0]}/api/health`).then((response) => response.ok, () => false);
      await sleep(100);
    }
    console.log(`instance 1 back after ${Date.now() - since} ms; ${served} reader requests served meanwhile, ${failures.length} failed`);
    expect(back, output.text().slice(-3_000)).toBe(true);
    expect(failures).toEqual([]);
    expect(output.text()).toMatch(/instance 1 exited \(\d+\); starting it again in 1 s/);
    expect(Number(/instance 1 started \(pid (\d+)\)/g.exec(output.text().slice(output.text().indexOf("instance 1 exited")))?.[1])).not.toBe(pid);
    expect((await fetch(`http://127.0.0.1:${instancePorts[1]}/api/health`)).ok).toBe(true);
    expect((await fetch(`${tier}${article}?after=1`)).status).toBe(200);
  } finally {
    // The stack stops its tier and instances itself on SIGTERM.
    stack.kill("SIGTERM");
    const code = await Promise.race([exitOf(stack), sleep(40_000).then(() => "still running" as const)]);
    if (code === "still running") stack.kill("SIGKILL");
  }
  // Nothing it started is left listening.
  for (const port of [tierPort, ...instancePorts]) {
    await expect.poll(() => fetch(`http://127.0.0.1:${port}/api/health`).then(() => "listening", () => "closed"), { message: `port ${port}`, timeout: 10_000 }).toBe("closed");
  }
});
