import { existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bin, runInherited } from "./lib/processes";

/**
 * `prisma generate`, offline. The client generator needs no engine, but the
 * CLI insists on locating its schema engine, which cannot be downloaded on
 * every machine; pointing it at any existing file satisfies that check
 * (nothing is executed: migrations run through scripts/migrate.ts).
 */
const engine = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
const placeholder = path.join(os.tmpdir(), "copydesk-no-schema-engine");
if (!engine || !existsSync(engine)) writeFileSync(placeholder, "");
const { exited } = runInherited(bin("prisma"), ["generate"], {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: engine && existsSync(engine) ? engine : placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
});
process.exit(await exited);
