import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/passwords";
import { localStorage } from "@/lib/storage";
import { seed } from "@/prisma/seed";
import { ARTICLES, SECTIONS, USERS } from "@/prisma/seed-data";
import { freshDatabase, type TestDatabase } from "../support/database";

const PASSWORD = "seed-test-password";
let database: TestDatabase;
let uploads: string;

beforeAll(async () => {
  database = await freshDatabase();
  uploads = await mkdtemp(path.join(os.tmpdir(), "copydesk-uploads-"));
  await seed(database.db, { password: PASSWORD, storage: localStorage(uploads) });
});
afterAll(() => rm(uploads, { recursive: true, force: true }));

describe("the demo newsroom seed", () => {
  it("creates the sections, the four demo users and every article", async () => {
    const { db } = database;
    expect(await db.section.count()).toBe(SECTIONS.length);
    const users = await db.user.findMany();
    const describe = (user: { email: string; role: string }) => `${user.email} ${user.role}`;
    expect(users.map(describe).sort()).toEqual(USERS.map(describe).sort());
    for (const user of users) expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
    expect(await db.article.count()).toBe(ARTICLES.length);
  });

  it("has at least 12 articles, in every workflow state", async () => {
    const byStatus = await database.db.article.groupBy({ by: ["status"], _count: true });
    expect(ARTICLES.length).toBeGreaterThanOrEqual(12);
    expect(byStatus.map((group) => group.status).sort()).toEqual(
      ["ARCHIVED", "CHANGES_REQUESTED", "DRAFT", "IN_REVIEW", "PUBLISHED", "SCHEDULED"],
    );
  });

  it("gives every article a photo, a first revision and the workflow events that led to its state", async () => {
    const articles = await database.db.article.findMany({
      include: { heroImage: true, revisions: true, events: { orderBy: { createdAt: "asc" } } },
    });
    const now = Date.now();
    for (const article of articles) {
      expect(article.heroImage).not.toBeNull();
      expect(article.heroCaption).not.toBe("");
      expect(article.heroCredit).not.toBe("");
      expect(article.revisions).toHaveLength(1);
      expect(article.revisions[0]!.version).toBe(article.version);
      expect(article.revisions[0]!.heroCaption).toBe(article.heroCaption);
      // Published stories are live at their one revision; nothing else is live.
      expect(article.liveRevisionId).toBe(article.status === "PUBLISHED" ? article.revisions[0]!.id : null);
      const lastEvent = article.events.at(-1);
      expect(lastEvent?.toStatus ?? "DRAFT").toBe(article.status);
      if (article.status === "PUBLISHED") expect(article.publishedAt!.getTime()).toBeLessThan(now);
      if (article.status === "SCHEDULED") expect(article.scheduledFor!.getTime()).toBeGreaterThan(now);
      if (article.status === "CHANGES_REQUESTED") expect(lastEvent?.note).toBeTruthy();
    }
  });

  it("is idempotent and keeps what people changed since", async () => {
    const { db } = database;
    const editor = await db.user.update({ where: { email: "editor@example.com" }, data: { passwordHash: "changed" } });
    const article = await db.article.findFirstOrThrow({ where: { status: "DRAFT" } });
    await db.article.update({ where: { id: article.id }, data: { headline: "Edited by a person" } });
    const counts = async () => [await db.user.count(), await db.article.count(), await db.revision.count(), await db.workflowEvent.count(), await db.media.count()];
    const before = await counts();

    const again = await seed(db, { password: PASSWORD, storage: localStorage(uploads) });

    expect(again).toEqual({ created: 0, existing: ARTICLES.length });
    expect(await counts()).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: editor.id } })).passwordHash).toBe("changed");
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).headline).toBe("Edited by a person");
  });
});

describe("the database's own invariants", () => {
  it("refuses a scheduled article without a publish time and a published one without a date", async () => {
    const { db } = database;
    const article = await db.article.findFirstOrThrow({ where: { status: "DRAFT" } });
    await expect(db.article.update({ where: { id: article.id }, data: { status: "SCHEDULED" } })).rejects.toThrow(/Article_scheduled_has_time/);
    await expect(db.article.update({ where: { id: article.id }, data: { status: "PUBLISHED" } })).rejects.toThrow(/Article_published_has_date/);
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("DRAFT");
  });
});
