import { env } from "@/lib/env";
import { migrate } from "./lib/migrate";
import { withDatabase } from "./lib/database";

/** `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the embedded dev database). */
await withDatabase(env(), async (url) => {
  const { applied, alreadyApplied } = await migrate(url, { log: console.log });
  console.log(
    applied.length === 0
      ? `Database is up to date (${alreadyApplied} migrations applied).`
      : `Applied ${applied.length} migration(s); ${alreadyApplied} were already applied.`,
  );
});
