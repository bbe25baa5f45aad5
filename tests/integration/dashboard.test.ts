import { beforeAll, describe, expect, it } from "vitest";
import { myDrafts, reviewQueue } from "@/lib/articles/dashboard";
import { AppError } from "@/lib/errors";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
});

async function article(authorId: string, status: "DRAFT" | "IN_REVIEW" | "CHANGES_REQUESTED", headline: string) {
  return database.db.article.create({
    data: { slug: headline.toLowerCase().replace(/\W+/g, "-"), headline, body: { type: "doc", content: [] }, status, authorId },
  });
}

describe("the dashboard lists", () => {
  it("show a reporter only their own drafts and refuse them the review queue", async () => {
    const mine = await makeUser(database.db, "REPORTER");
    const theirs = await makeUser(database.db, "REPORTER");
    await article(mine.id, "DRAFT", "Mine in draft");
    await article(mine.id, "CHANGES_REQUESTED", "Mine sent back");
    await article(theirs.id, "DRAFT", "Theirs in draft");
    await article(theirs.id, "IN_REVIEW", "Theirs in review");

    const drafts = await myDrafts(asViewer(mine));
    expect(drafts.total).toBe(2);
    expect(drafts.articles.map((a) => a.headline).sort()).toEqual(["Mine in draft", "Mine sent back"]);
    await expect(reviewQueue(asViewer(mine))).rejects.toMatchObject({ code: "FORBIDDEN" } satisfies Partial<AppError>);
  });

  it("show editors and admins everything awaiting review", async () => {
    const reporter = await makeUser(database.db, "REPORTER");
    await article(reporter.id, "IN_REVIEW", "Queue item one");
    for (const role of ["EDITOR", "ADMIN"] as const) {
      const queue = await reviewQueue(asViewer(await makeUser(database.db, role)));
      expect(queue.articles.map((a) => a.headline)).toContain("Queue item one");
      expect(queue.articles.every((a) => a.status === "IN_REVIEW")).toBe(true);
    }
  });
});
