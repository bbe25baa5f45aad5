import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db";
import { localStorage } from "@/lib/storage";
import { seed } from "@/prisma/seed";
import { migrate } from "./lib/migrate";
import { createDatabase } from "./lib/postgres-admin";
import { runInherited, stopChild } from "./lib/processes";
import { E2E_DATABASE_FILE, startTestServer } from "./lib/test-postgres";

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

await createDatabase(server.url("postgres"), database);
const databaseUrl = server.url(database);
await migrate(databaseUrl);
// Specs that must plant data no API would accept (hostile stored bodies) find the database here.
await mkdir(path.dirname(E2E_DATABASE_FILE), { recursive: true });
await writeFile(E2E_DATABASE_FILE, databaseUrl);
const db = createDb(databaseUrl, 2);
await seed(db, { password: process.env.SEED_PASSWORD ?? "copydesk-demo", storage: localStorage(uploads) });
await db.$disconnect();

const app = runInherited(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", port], {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXTAUTH_URL: `http://localhost:${port}`,
  UPLOADS_DIR: uploads,
});
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
