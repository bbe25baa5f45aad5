import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { checkHealth } from "@/lib/health";
import { localStorage } from "@/lib/storage";
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

describe("lib/reader/read.ts and the reader modules", () => {
  it("lists only published articles, newest first", async () => {
    const { frontPage } = await import("@/lib/reader/front-page");
    const { articles } = await frontPage(1);
    const published = await database.db.article.findMany({ where: { status: "PUBLISHED" }, orderBy: { publishedAt: "desc" } });
    expect(articles.map((article) => article.id)).toEqual(published.map((article) => article.id));
  });

  it("finds no article in any other state, and says which are gone", async () => {
    const { articleBySlug } = await import("@/lib/reader/article");
    const { archivedSlugs } = await import("@/lib/reader/gone");
    const hidden = await database.db.article.findMany({ where: { status: { not: "PUBLISHED" } } });
    expect(hidden.length).toBeGreaterThan(0);
    for (const article of hidden) {
      expect((await articleBySlug(article.slug)).kind).toBe(article.status === "ARCHIVED" ? "gone" : "missing");
    }
    const archived = hidden.filter((article) => article.status === "ARCHIVED").map((article) => article.slug);
    expect((await archivedSlugs()).sort()).toEqual(archived.sort());
    const live = await database.db.article.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    expect((await articleBySlug(live.slug)).kind).toBe("article");
  });

  it("walks previous and next in publish order", async () => {
    const { articleBySlug } = await import("@/lib/reader/article");
    const { frontPage } = await import("@/lib/reader/front-page");
    const { articles } = await frontPage(1);
    for (let i = 0; i < articles.length; i++) {
      const found = await articleBySlug(articles[i]!.slug);
      if (found.kind !== "article") throw new Error("expected an article");
      expect(found.next?.id ?? null).toBe(articles[i - 1]?.id ?? null);
      expect(found.previous?.id ?? null).toBe(articles[i + 1]?.id ?? null);
    }
  });

  it("searches headline, standfirst and body, ranked, with the terms marked", async () => {
    const { searchArticles } = await import("@/lib/reader/search");
    const { hits } = await searchArticles("harbour", 1);
    expect(hits.length).toBeGreaterThan(0);
    const bodyOnly = await searchArticles("gauging stations", 1);
    expect(bodyOnly.hits.map((hit) => hit.headline)).toEqual(["Delta nations sign water-sharing pact after a decade of talks"]);
    expect(bodyOnly.hits[0]!.snippet).toContain("\u0002gauging\u0003");
    for (const absurd of ["", "   ", "'\"!!&|:*()<>", "x".repeat(5000), "drop table users; --"]) {
      await expect(searchArticles(absurd, 1)).resolves.toBeDefined();
    }
    const draftOnly = await searchArticles("tram depot", 1);
    expect(draftOnly.hits).toEqual([]);
  });
});

describe("the health check", () => {
  const now = Date.UTC(2026, 11, 5, 12, 0, 0);
  const sweptAt = (msAgo: number) => ({ startedAt: now - 3_600_000, lastRunAt: now - msAgo, lastError: null });

  it("reports the database up when it answers, with the scheduler's last sweep", async () => {
    expect(await checkHealth(() => database.db, sweptAt(5_000), now)).toEqual({
      ok: true,
      database: "up",
      scheduler: { lastRun: new Date(now - 5_000).toISOString(), late: false },
    });
  });

  it("reports it down when nothing listens", async () => {
    const unreachable = createDb(`postgresql://nobody:x@127.0.0.1:${await freePort()}/none`, 1);
    try {
      expect(await checkHealth(() => unreachable, sweptAt(5_000), now)).toMatchObject({ ok: false, database: "down" });
    } finally {
      await unreachable.$disconnect();
    }
  });

  it("fails when the scheduler's next sweep is more than two minutes late, or it never started", async () => {
    // Sweeps every 15 s: the last good one 2 min 15 s ago is exactly on the limit, a second more is late.
    expect(await checkHealth(() => database.db, sweptAt(135_000), now)).toMatchObject({ ok: true, scheduler: { late: false } });
    expect(await checkHealth(() => database.db, sweptAt(136_000), now)).toMatchObject({ ok: false, database: "up", scheduler: { late: true } });
    const neverSwept = { startedAt: now - 200_000, lastRunAt: null, lastError: "database down" };
    expect(await checkHealth(() => database.db, neverSwept, now)).toEqual({ ok: false, database: "up", scheduler: { lastRun: null, late: true } });
    expect(await checkHealth(() => database.db, null, now)).toMatchObject({ ok: false, scheduler: { late: true } });
  });
});
