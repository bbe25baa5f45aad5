import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/health";
import { localStorage } from "@/lib/storage";
import { createDb } from "@/lib/db";
import { seed } from "@/prisma/seed";
import { freePort } from "@/scripts/lib/embedded-postgres";
import { freshDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let uploads: string;

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  uploads = await mkdtemp(path.join(os.tmpdir(), "copydesk-uploads-"));
  await seed(database.db, { password: "reader-test-pw", storage: localStorage(uploads) });
});
afterAll(() => rm(uploads, { recursive: true, force: true }));

describe("lib/published.ts", () => {
  it("lists only published articles, newest first", async () => {
    const { latestArticles } = await import("@/lib/published");
    const listed = await latestArticles(100);
    const published = await database.db.article.findMany({ where: { status: "PUBLISHED" }, orderBy: { publishedAt: "desc" } });
    expect(listed.map((article) => article.id)).toEqual(published.map((article) => article.id));
  });

  it("finds no article in any other state, nor one whose publish time is still ahead", async () => {
    const { publishedArticle } = await import("@/lib/published");
    const hidden = await database.db.article.findMany({ where: { status: { not: "PUBLISHED" } } });
    expect(hidden.length).toBeGreaterThan(0);
    for (const article of hidden) expect(await publishedArticle(article.slug)).toBeNull();

    const live = await database.db.article.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    expect(await publishedArticle(live.slug)).not.toBeNull();
    expect(await publishedArticle(live.slug, new Date(live.publishedAt!.getTime() - 1000))).toBeNull();
  });
});

describe("the health check", () => {
  it("reports the database up when it answers", async () => {
    expect(await checkHealth(() => database.db)).toEqual({ ok: true, database: "up" });
  });

  it("reports it down when nothing listens", async () => {
    const unreachable = createDb(`postgresql://nobody:x@127.0.0.1:${await freePort()}/none`, 1);
    try {
      expect(await checkHealth(() => unreachable)).toEqual({ ok: false, database: "down" });
    } finally {
      await unreachable.$disconnect();
    }
  });
});
