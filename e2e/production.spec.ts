import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { freePort } from "@/scripts/lib/embedded-postgres";
import { nextServerEnv } from "@/scripts/lib/processes";

/** Runs a command to completion with a clean environment plus `env`; returns its exit code and output. */
function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e";

test.describe("npm start", () => {
  test("refuses to start without DATABASE_URL and says why", async () => {
    const { code, output } = await run("npm", ["start", "--silent"], { NEXTAUTH_SECRET: SECRET });
    expect(code).toBe(1);
    expect(output).toContain("Copydesk cannot start in production without DATABASE_URL.");
  });

  test("refuses to start without NEXTAUTH_SECRET and says why", async () => {
    const { code, output } = await run("npm", ["start", "--silent"], { DATABASE_URL: "postgresql://u:p@127.0.0.1:1/db" });
    expect(code).toBe(1);
    expect(output).toContain("Copydesk cannot start in production without NEXTAUTH_SECRET.");
  });
});

test("the health check answers 503 when the database is unreachable", async () => {
  const port = await freePort();
  const server = spawn("node_modules/.bin/next", ["start", "--port", String(port)], {
    // With the server edge, as npm start runs it: production refuses to run without (e2e/hostile-paths.spec.ts).
    env: nextServerEnv({
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `postgresql://nobody:x@127.0.0.1:${await freePort()}/none`,
      NEXTAUTH_SECRET: SECRET,
    }),
    stdio: "ignore",
  });
  try {
    let response: Response | undefined;
    await expect(async () => {
      response = await fetch(`http://127.0.0.1:${port}/api/health`);
    }).toPass({ timeout: 30_000 });
    expect(response!.status).toBe(503);
    // No sweep can succeed either; not late yet, a moment after starting.
    expect(await response!.json()).toEqual({ status: "unavailable", database: "down", scheduler: { lastRun: null, late: false } });
  } finally {
    server.kill("SIGTERM");
  }
});
