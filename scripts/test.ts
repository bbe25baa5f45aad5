import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { bin, ROOT, runInherited } from "./lib/processes";

/**
 * `npm test`: every check, in the order a failure is cheapest to find —
 * lint, typecheck, Vitest (unit + integration on a real PostgreSQL), a
 * production build, then Playwright in Chromium against `npm start` on that
 * build, then one smoke run of the benchmark harness. Every step runs even when an earlier one failed (except e2e, which
 * needs the build). Ends with one line: `N passed, N failed`, where lint,
 * typecheck and build count one each and every test counts one.
 */
const REPORTS = path.join(ROOT, "test-results", "reports");
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

interface Tally {
  step: string;
  passed: number;
  failed: number;
  skipped: number;
}
const tallies: Tally[] = [];

async function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  console.log(`\n━━ ${name} ━━`);
  const { exited } = runInherited(command, args, env);
  return (await exited) === 0;
}

async function check(name: string, command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<boolean> {
  const ok = await step(name, command, args, env);
  tallies.push({ step: name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  return ok;
}

/** Counts from a runner's JSON report; a runner that crashed before writing one counts as one failure. */
function countFromReport(name: string, ok: boolean, file: string, read: (json: never) => Omit<Tally, "step">) {
  const report = path.join(REPORTS, file);
  const counts = existsSync(report) ? read(JSON.parse(readFileSync(report, "utf8")) as never) : undefined;
  if (!counts) {
    tallies.push({ step: name, passed: 0, failed: 1, skipped: 0 });
    return;
  }
  if (!ok && counts.failed === 0) counts.failed = 1; // the runner failed outside any test
  tallies.push({ step: name, ...counts });
}

const generated = await check("prisma generate", process.execPath, ["--import", "tsx", "scripts/generate.ts"]);
await check("lint", bin("eslint"), [".", "--max-warnings", "0"]);
await check("typecheck", bin("tsc"), ["--noEmit"]);

if (generated) {
  const vitestOk = await step("vitest (unit + integration)", bin("vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${path.join(REPORTS, "vitest.json")}`,
  ]);
  countFromReport("vitest", vitestOk, "vitest.json", (json: { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }) => ({
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: json.numPendingTests + json.numTodoTests,
  }));
}

const built = await check("next build", bin("next"), ["build"]);
if (built) {
  const e2eOk = await step("playwright (e2e, Chromium)", bin("playwright"), ["test"]);
  countFromReport("playwright", e2eOk, "e2e.json", (json: { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }) => ({
    passed: json.stats.expected,
    failed: json.stats.unexpected + json.stats.flaky,
    skipped: json.stats.skipped,
  }));
  // The benchmark harness, once through on a tiny newsroom, so it cannot rot. No speed is asserted.
  await check("bench smoke", process.execPath, ["--import", "tsx", "scripts/bench/index.ts"], { ...process.env, BENCH_SMOKE: "1" });
  // The production build while PostgreSQL restarts, the app is killed and uploads cannot be written: nothing acknowledged may be lost.
  await check("faults", process.execPath, ["--import", "tsx", "scripts/faults.ts"]);
  // A few hundred bad paths, headers, bodies and images through the tier to two instances: no 5xx, no hang over 2 s, no restart.
  await check("hostile", process.execPath, ["--import", "tsx", "scripts/hostile.ts"]);
} else {
  tallies.push({ step: "playwright", passed: 0, failed: 1, skipped: 0 });
}

const total = tallies.reduce(
  (sum, tally) => ({ passed: sum.passed + tally.passed, failed: sum.failed + tally.failed, skipped: sum.skipped + tally.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log("\n━━ summary ━━");
for (const tally of tallies) {
  console.log(`  ${tally.failed > 0 ? "✗" : "✓"} ${tally.step.padEnd(16)} ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(total.failed > 0 ? 1 : 0);
