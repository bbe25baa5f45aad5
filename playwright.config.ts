import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_TIME_ZONE } from "./e2e/support";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

/**
 * Playwright cannot download its own browser on every machine; Debian's
 * Chromium works. CHROMIUM_PATH overrides; without either, Playwright's own
 * browser is used (`npx playwright install chromium`).
 */
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const TIMING = /(reader-timing|instances)\.spec\.ts/;
const QUALITY = /reader-quality\.spec\.ts/;
const ACCESSIBILITY = /newsroom-accessibility\.spec\.ts/;
const SETTINGS = /newsroom-rules\.spec\.ts/;
const OPERATIONS = /(backup-restore|server-edge)\.spec\.ts/;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/playwright",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // A guard against hangs, not a speed check (speed lives in the bench): a journey with four sign-ins took
  // past 30 s while the other worker and the server shared CI's two cores.
  timeout: 60_000,
  // Likewise for each expectation: a save that answers in 20 ms alone took 4.4 s on CI (the page's other requests
  // 6.4 s) while the other worker's 11 MB photo upload ran (tables.spec.ts; workflow.spec.ts before); 10 s still
  // catches a save that never ends.
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/reports/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: [TIMING, QUALITY, ACCESSIBILITY, SETTINGS, OPERATIONS] },
    // One-second budgets miss when other specs load both cores; the HTML and Lighthouse checks (readers', then the
    // newsroom's) load both cores themselves; newsroom-wide settings change what every other spec may do; the backup
    // check counts rows while nothing else writes: each runs alone, afterwards.
    { name: "reader timing", use: { ...devices["Desktop Chrome"] }, testMatch: TIMING, dependencies: ["chromium"] },
    { name: "reader quality", use: { ...devices["Desktop Chrome"] }, testMatch: QUALITY, dependencies: ["reader timing"] },
    { name: "newsroom accessibility", use: { ...devices["Desktop Chrome"] }, testMatch: ACCESSIBILITY, dependencies: ["reader quality"] },
    { name: "newsroom settings", use: { ...devices["Desktop Chrome"] }, testMatch: SETTINGS, dependencies: ["newsroom accessibility"] },
    { name: "operations", use: { ...devices["Desktop Chrome"] }, testMatch: OPERATIONS, dependencies: ["newsroom settings"] },
  ],
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    // The reader tier that e2e/reader-quality.spec.ts starts listens for refreshes on the next port.
    // A newsroom zone neither UTC nor the browser's: times must be shown and read in it (e2e/coordination.spec.ts).
    env: { PORT: String(port), READER_REFRESH_URL: `http://127.0.0.1:${port + 1}`, NEWSROOM_TIME_ZONE: E2E_TIME_ZONE },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
