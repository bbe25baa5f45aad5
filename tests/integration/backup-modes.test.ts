import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARCHIVE_MODE, packArchive, privateStaging, STAGING_MODE } from "@/scripts/lib/backup-archive";
import { ROOT } from "@/scripts/lib/processes";
import { freshDatabase, type TestDatabase } from "../support/database";
import { makeUser } from "../support/factories";

/**
 * A backup holds password hashes, token hashes and drafts: the archive is
 * 0600 and the folder it is put together in 0700, from the first moment,
 * whatever the umask (issue #22, item 7). The real `npm run backup`, on a
 * real database, watched while it works.
 */
let database: TestDatabase;
let folder: string;
const previousUmask = process.umask(0o022); // the usual default: what made the archives world-readable
beforeAll(async () => {
  database = await freshDatabase();
  await makeUser(database.db, "ADMIN");
  folder = await mkdtemp(path.join(os.tmpdir(), "copydesk-backup-modes-"));
});
afterAll(async () => {
  process.umask(previousUmask);
  await rm(folder, { recursive: true, force: true });
});

const modeOf = (file: string) => statSync(file).mode & 0o777;
const octal = (mode: number) => `0${mode.toString(8)}`;

describe("npm run backup", () => {
  it("writes a 0600 archive, and everything it writes on the way is its owner's alone", async () => {
    const uploads = path.join(folder, "uploads");
    const output = path.join(folder, "backups", "nightly.tar.gz");
    const seen = new Map<string, string>();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/backup.ts", output], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, UPLOADS_DIR: uploads },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let printed = "";
    child.stdout.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    // Look at the output folder every few milliseconds while the backup runs: the staging folder lives for the whole dump.
    let done = false;
    void exited.then(() => (done = true));
    while (!done) {
      try {
        for (const entry of readdirSync(path.dirname(output), { recursive: true }) as string[]) {
          try {
            seen.set(entry, octal(modeOf(path.join(path.dirname(output), entry))));
          } catch {
            // gone between the listing and the look: fine
          }
        }
      } catch {
        // the folder is not there yet
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await exited, printed).toBe(0);

    expect(octal((await stat(output)).mode & 0o777)).toBe(octal(ARCHIVE_MODE));
    expect(octal((await stat(path.dirname(output))).mode & 0o777)).toBe("0700");
    // Nothing left behind but the archive.
    expect(await readdir(path.dirname(output))).toEqual(["nightly.tar.gz"]);
    // The staging folder was seen (pg_dump takes far longer than a look), and nothing seen was open to others.
    const staging = [...seen].filter(([entry]) => entry.includes(".partial-") && !entry.includes(path.sep));
    expect(staging.length, JSON.stringify([...seen])).toBeGreaterThan(0);
    for (const [, mode] of staging) expect(mode).toBe(octal(STAGING_MODE));
    // (The upload folder does not exist here, so the staging's "uploads" is a folder the backup made, not a link to ours.)
    expect([...seen].filter(([, mode]) => (Number.parseInt(mode, 8) & 0o077) !== 0)).toEqual([]);
  }, 120_000);
});

describe("the archive's own pieces", () => {
  it("make a private staging folder and a 0600 archive whatever the umask says", async () => {
    const output = path.join(folder, "pieces.tar.gz");
    const staging = await privateStaging(output);
    expect(octal(modeOf(staging))).toBe(octal(STAGING_MODE));
    await writeFile(path.join(staging, "manifest.json"), "{}\n");
    await packArchive(staging, output, ["manifest.json"]);
    expect(octal(modeOf(output))).toBe(octal(ARCHIVE_MODE));
    await expect(stat(`${output}.partial`)).rejects.toMatchObject({ code: "ENOENT" });
    await rm(staging, { recursive: true, force: true });
  });
});
