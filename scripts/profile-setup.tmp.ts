// THROWAWAY (issue #27 profiling helper): not to be committed. A PostgreSQL with the bench's 100,000 articles, kept up until killed.
import { mkdir, writeFile } from "node:fs/promises";
import { startEmbeddedPostgres, freePort } from "./lib/embedded-postgres";
import { seededDatabase } from "./lib/seeded-app";
import { fillNewsroom } from "./bench/fill";

const ROOT = "/tmp/copydesk-profile";
const ARTICLES = Number(process.env.PROFILE_ARTICLES ?? 100_000);

async function main() {
  await mkdir(ROOT, { recursive: true });
  const cluster = await startEmbeddedPostgres({ dataDir: `${ROOT}/data`, port: await freePort(), durable: false, log: console.log });
  const server = { url: cluster.url, stop: cluster.stop };
  const name = `profile_${ARTICLES}`;
  const url = await seededDatabase(server, name, `${ROOT}/uploads`);
  const fill = await fillNewsroom(url, ARTICLES);
  console.log(`filled ${fill.articles} in ${fill.seconds.toFixed(0)} s`);
  await writeFile(`${ROOT}/url`, url);
  await writeFile(`${ROOT}/admin-url`, cluster.url("postgres"));
  console.log(`READY ${url}`);
  const stop = async () => {
    await cluster.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  setInterval(() => {}, 1 << 30);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
