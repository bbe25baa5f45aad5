import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe("the embedded PostgreSQL", () => {
  it("refuses a data folder made by another major version, naming both, and leaves it as it was", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "copydesk-old-cluster-"));
    folders.push(folder);
    await chmod(folder, 0o755);
    const dataDir = path.join(folder, "data");
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, "PG_VERSION"), "9.6\n");

    await expect(startEmbeddedPostgres({ dataDir, port: await freePort() })).rejects.toThrow(
      /made by PostgreSQL 9\.6; the embedded server is PostgreSQL \d+\. Nothing was changed/,
    );
    expect(await readdir(dataDir)).toEqual(["PG_VERSION"]);
  });
});
