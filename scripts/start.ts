import { existsSync } from "node:fs";
import { EnvError, parseEnv, requireDatabaseUrl } from "@/lib/env";
import { migrate } from "./lib/migrate";
import { bin, nextServerEnv, runInherited, SERVER_EDGE, stopChild } from "./lib/processes";

/**
 * `npm start`: production. Checks the configuration first — no DATABASE_URL
 * or NEXTAUTH_SECRET, no start — then applies pending migrations (under
 * Prisma's advisory lock, so several instances starting together are safe)
 * and runs `next start` on the built app with the server edge preloaded
 * (the app itself refuses to run in production without it: instrumentation.ts).
 * Pass `--hostname 127.0.0.1` (or a private address) to choose the interface.
 */
if (!existsSync(SERVER_EDGE)) {
  console.error(`\nCopydesk cannot start: its server edge ${SERVER_EDGE} is missing (a partial copy of the app?).\n`);
  process.exit(1);
}

let databaseUrl: string;
try {
  databaseUrl = requireDatabaseUrl(parseEnv({ ...process.env, NODE_ENV: "production" }));
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}

try {
  const { applied } = await migrate(databaseUrl, { log: (line) => console.log(`[copydesk] ${line}`) });
  if (applied.length > 0) console.log(`[copydesk] Applied ${applied.length} migration(s).`);
} catch (error) {
  console.error(`[copydesk] Cannot migrate the database: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const next = runInherited(bin("next"), ["start", ...process.argv.slice(2)], nextServerEnv());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void stopChild(next.child, next.exited).then(() => process.exit(0)));
}
process.exit(await next.exited);
