import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runInherited, stopChild } from "./lib/processes";
import { forgetCachedReads, productionEnv, seededDatabase } from "./lib/seeded-app";
import { E2E_DATABASE_FILE, E2E_UPLOADS_FILE, startTestServer } from "./lib/test-postgres";

/**
 * The server Playwright tests against (playwright.config.ts starts it): a
 * fresh, seeded database on a throwaway PostgreSQL, then the production
 * start command (`npm start`) on the built app. Everything it made is
 * removed when Playwright stops it.
 */
const port = process.env.PORT ?? "3100";
const server = await startTestServer();
const uploads = await mkdtemp(path.join(os.tmpdir(), "copydesk-e2e-uploads-"));
const database = `copydesk_e2e_${process.pid}`;

async function cleanUp() {
  await server.stop();
  await rm(uploads, { recursive: true, force: true });
}

const databaseUrl = await seededDatabase(server, database, uploads);
await forgetCachedReads();
// Specs that must plant data no API would accept (hostile stored bodies), and the backup check, find the database here.
await mkdir(path.dirname(E2E_DATABASE_FILE), { recursive: true });
await writeFile(E2E_DATABASE_FILE, databaseUrl);
await writeFile(E2E_UPLOADS_FILE, uploads);

const app = runInherited(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", port], productionEnv(databaseUrl, port, uploads));
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await stopChild(app.child, app.exited);
    await cleanUp();
    process.exit(0);
  });
}
const code = await app.exited;
if (!stopping) {
  await cleanUp();
  process.exit(code);
}
