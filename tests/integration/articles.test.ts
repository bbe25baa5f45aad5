import { beforeAll, describe, expect, it } from "vitest";
import { addComment, createDraft, listArticles, listComments, listRevisions, publishDueArticles, restoreRevision, saveDraft, transition } from "@/lib/articles";
import { AppError } from "@/lib/errors";
import type { ArticleStatus } from "@/lib/generated/prisma/client";
import { can, SYSTEM, type StaffViewer } from "@/lib/policy";
import { transitionOf, WORKFLOW_ACTIONS } from "@/lib/workflow";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";
import { factsOf, SITUATIONS } from "../support/situations";

let database: TestDatabase;
let reporter: StaffViewer;
let otherReporter: StaffViewer;
let editor: StaffViewer;
let admin: StaffViewer;

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER"));
  otherReporter = asViewer(await makeUser(database.db, "REPORTER"));
  editor = asViewer(await makeUser(database.db, "EDITOR"));
  admin = asViewer(await makeUser(database.db, "ADMIN"));
});

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
let counter = 0;
const unique = (label: string) => `${label} ${++counter} ${Date.now()}`;

async function draftBy(viewer: StaffViewer, headline = unique("Story")) {
  return createDraft(viewer, { headline, standfirst: "A standfirst.", body: paragraph("First text.") });
}

/**
 * Puts an article straight into a situation (a fixture, not a workflow
 * move): live at its first revision when the situation is live, with a
 * second, unpublished revision when it has changes.
 */
async function articleIn(name: string, author: StaffViewer) {
  const situation = SITUATIONS.find((s) => s.name === name)!;
  const { id } = await draftBy(author);
  const first = await database.db.revision.findFirstOrThrow({ where: { articleId: id } });
  if (situation.live && situation.changes) {
    await database.db.article.update({ where: { id }, data: { headline: unique("Unpublished change"), version: 2 } });
    const copy = await database.db.revision.findFirstOrThrow({ where: { id: first.id }, omit: { id: true, firstPhoto: true } });
    await database.db.revision.create({ data: { ...copy, version: 2, headline: "Unpublished change", body: first.body as object, heroFocus: first.heroFocus as object } });
  }
  const latest = await database.db.revision.findFirstOrThrow({ where: { articleId: id }, orderBy: { version: "desc" } });
  await database.db.article.update({
    where: { id },
    data: {
      status: situation.status,
      publishedAt: situation.live || situation.status === "ARCHIVED" ? new Date() : null,
      ...(situation.live && { liveRevisionId: first.id, liveSince: new Date() }),
      ...(situation.status === "SCHEDULED" && { scheduledFor: new Date(Date.now() + 3_600_000), scheduledRevisionId: latest.id }),
    },
  });
  return database.db.article.findUniqueOrThrow({ where: { id } });
}

const factsOfRow = (row: { status: ArticleStatus; authorId: string; version: number; liveRevisionId: string | null }, liveVersion: number | null) => ({
  status: row.status,
  authorId: row.authorId,
  live: row.liveRevisionId !== null,
  changes: liveVersion !== row.version,
});

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`),
  );

describe("every move, by every role, from every state", () => {
  const actors = () => ({ "reporter (author)": reporter, "another reporter": otherReporter, editor, admin });
  const expectedCode = { not_visible: "NOT_FOUND", forbidden: "FORBIDDEN", four_eyes: "FORBIDDEN", approval: "FORBIDDEN", not_live_coverage: "INVALID_TRANSITION", invalid_transition: "INVALID_TRANSITION" } as const;
  const personActions = WORKFLOW_ACTIONS.filter((action) => action !== "publish_scheduled");

  for (const situation of SITUATIONS) {
    it(`from ${situation.name}`, async () => {
      for (const [who, viewer] of Object.entries(actors())) {
        for (const action of personActions) {
          const article = await articleIn(situation.name, reporter);
          const liveBefore = article.liveRevisionId;
          const eventsBefore = await database.db.workflowEvent.count({ where: { articleId: article.id } });
          const result = await outcome(
            transition(viewer, { articleId: article.id, action, version: article.version, note: "A note.", publishAt: new Date(Date.now() + 86_400_000).toISOString() }),
          );
          const decision = can(viewer, action, factsOf(situation, article.authorId));
          const after = await database.db.article.findUniqueOrThrow({ where: { id: article.id } });
          const liveAfter = after.liveRevisionId ? await database.db.revision.findUniqueOrThrow({ where: { id: after.liveRevisionId } }) : null;
          const events = await database.db.workflowEvent.count({ where: { articleId: article.id } });
          const step = transitionOf(action);
          if (decision.ok) {
            expect(result, `${who} ${action} from ${situation.name}`).toBe("ok");
            expect(after.status).toBe(situation.live && step.toWhenLive ? step.toWhenLive : step.to);
            expect(events).toBe(eventsBefore + 1);
            // What readers get moves only as the table says.
            if (step.live === "clear") expect(after.liveRevisionId).toBeNull();
            else if (step.live === "set") expect(liveAfter?.version).toBe(article.version);
            else if (action === "discard_changes") expect(factsOfRow(after, liveAfter!.version).changes).toBe(false);
            else expect(after.liveRevisionId).toBe(liveBefore);
          } else {
            expect(result, `${who} ${action} from ${situation.name}`).toBe(expectedCode[decision.reason]);
            expect(after, `${who} ${action} from ${situation.name} changed the row`).toEqual(article);
            expect(events).toBe(eventsBefore);
          }
        }
      }
    });
  }

  it("needs a note to request changes or unpublish, and a future time to schedule", async () => {
    const inReview = await articleIn("IN_REVIEW", reporter);
    expect(await outcome(transition(editor, { articleId: inReview.id, action: "request_changes" }))).toBe("VALIDATION");
    expect(await outcome(transition(editor, { articleId: inReview.id, action: "request_changes", note: "   " }))).toBe("VALIDATION");
    expect(await outcome(transition(editor, { articleId: inReview.id, action: "schedule", publishAt: new Date(Date.now() - 1000).toISOString() }))).toBe("VALIDATION");
    const published = await articleIn("PUBLISHED", reporter);
    expect(await outcome(transition(editor, { articleId: published.id, action: "unpublish" }))).toBe("VALIDATION");
    expect(await outcome(transition(editor, { articleId: inReview.id, action: "publish" }))).toBe("VALIDATION"); // no version named
    expect(await database.db.article.findUniqueOrThrow({ where: { id: inReview.id } })).toEqual(inReview);
  });

  it("keeps a draft started before its headline, under a placeholder address, and lets nothing untitled leave draft", async () => {
    const untitled = await createDraft(reporter, { body: paragraph("Notes first.") });
    expect(untitled.slug).toMatch(/^untitled-[0-9a-f]{8}$/);
    for (const action of ["submit", "publish"] as const) {
      expect(await outcome(transition(editor, { articleId: untitled.id, action, version: untitled.version }))).toBe("VALIDATION");
    }
    expect((await database.db.article.findUniqueOrThrow({ where: { id: untitled.id } })).status).toBe("DRAFT");
    const titled = await saveDraft(reporter, { articleId: untitled.id, version: untitled.version, headline: "Now with a headline", slug: `now-with-a-headline-${Date.now()}` });
    expect(await outcome(transition(reporter, { articleId: untitled.id, action: "submit", version: titled.version }))).toBe("ok");
  });

  it("refuses unknown actions and the scheduler's own move", async () => {
    const inReview = await articleIn("IN_REVIEW", reporter);
    expect(await outcome(transition(editor, { articleId: inReview.id, action: "teleport" }))).toBe("VALIDATION");
    expect(await outcome(transition(editor, { articleId: inReview.id, action: "publish_scheduled" }))).toBe("VALIDATION");
  });
});

describe("no lost edits", () => {
  it("lets exactly one of two saves from the same version win, and keeps the winner's text whole", async () => {
    const { id, version } = await draftBy(reporter);
    const save = (viewer: StaffViewer, text: string) => saveDraft(viewer, { articleId: id, version, headline: `${text} headline`, body: paragraph(`${text} body`) });
    const results = await Promise.allSettled([save(reporter, "Reporter's"), save(editor, "Editor's")]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ version: number }>).value;
    expect(lost[0]!.reason).toBeInstanceOf(AppError);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT", details: { currentVersion: winner.version } });

    const article = await database.db.article.findUniqueOrThrow({ where: { id } });
    const who = article.headline.replace(" headline", "");
    expect(article.body).toEqual(paragraph(`${who} body`));
    const latest = await database.db.revision.findFirstOrThrow({ where: { articleId: id }, orderBy: { version: "desc" } });
    expect(latest).toMatchObject({ version: winner.version, headline: article.headline, body: article.body });
  });

  it("turns twenty simultaneous publish clicks into one event", async () => {
    const article = await articleIn("IN_REVIEW", reporter);
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(transition(editor, { articleId: article.id, action: "publish", version: article.version }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    // The losers read the row before or after the winner committed: either way a 409.
    expect(results.filter((r) => r === "CONFLICT" || r === "INVALID_TRANSITION")).toHaveLength(19);
    expect(await database.db.workflowEvent.count({ where: { articleId: article.id, action: "publish" } })).toBe(1);
  });

  it("refuses what a reporter may not change, and fields no save takes", async () => {
    const { id, version } = await draftBy(reporter);
    const before = await database.db.article.findUniqueOrThrow({ where: { id } });
    expect(await outcome(saveDraft(otherReporter, { articleId: id, version, headline: "Hijacked" }))).toBe("NOT_FOUND");
    for (const field of [{ status: "PUBLISHED" }, { authorId: otherReporter.id }, { publishedAt: new Date().toISOString() }]) {
      expect(await outcome(saveDraft(reporter, { articleId: id, version, ...field }))).toBe("VALIDATION");
    }
    expect(await outcome(saveDraft(reporter, { articleId: id, version, body: "<script>alert(1)</script>" }))).toBe("VALIDATION");
    await transition(reporter, { articleId: id, action: "submit" });
    const submitted = await database.db.article.findUniqueOrThrow({ where: { id } });
    expect(await outcome(saveDraft(reporter, { articleId: id, version: submitted.version, headline: "Sneaky edit in review" }))).toBe("FORBIDDEN");
    expect((await database.db.article.findUniqueOrThrow({ where: { id } })).headline).toBe(before.headline);
  });

  it("keeps an old slug working once readers have seen it, and keeps back a taken slug", async () => {
    const published = await articleIn("PUBLISHED", reporter);
    const saved = await saveDraft(editor, { articleId: published.id, version: published.version, slug: `renamed-${published.id}` });
    expect(await database.db.slugRedirect.findUnique({ where: { slug: published.slug } })).toMatchObject({ articleId: published.id });
    const other = await draftBy(reporter);
    // The old address is still the published story's: the slug is kept back (named in `invalid`), not stored.
    const refused = await saveDraft(reporter, { articleId: other.id, version: other.version, slug: published.slug });
    expect(refused).toMatchObject({ version: other.version, slug: other.slug, invalid: [{ field: "slug", message: `Slug: "${published.slug}" is already taken by another story; choose another.` }] });
    expect(saved.slug).toBe(`renamed-${published.id}`);
  });

  it("restores an old revision as a new one, leaving history intact", async () => {
    const { id, version } = await draftBy(reporter, unique("Original headline"));
    const edited = await saveDraft(editor, { articleId: id, version, headline: "Changed headline", body: paragraph("Changed text.") });
    const { revisions } = await listRevisions(reporter, { articleId: id });
    const first = revisions.find((r) => r.version === version)!;
    const restored = await restoreRevision(reporter, { articleId: id, revisionId: first.id, version: edited.version });
    const article = await database.db.article.findUniqueOrThrow({ where: { id } });
    expect(article.headline).toBe(first.headline);
    expect(article.body).toEqual(paragraph("First text."));
    expect((await listRevisions(reporter, { articleId: id })).revisions.map((r) => r.version)).toEqual([restored.version, edited.version, version]);
  });
});

describe("the scheduler", () => {
  it("publishes a due article after a restart, exactly once across several instances", async () => {
    const article = await articleIn("IN_REVIEW", reporter);
    const publishAt = new Date(Date.now() + 2_000);
    await transition(editor, { articleId: article.id, action: "schedule", version: article.version, publishAt: publishAt.toISOString() });
    expect(await publishDueArticles(new Date(publishAt.getTime() - 1))).not.toContain(article.id);

    // A restart: the app's client goes away; nothing about the schedule lived in it.
    const global = globalThis as { copydeskDb?: { $disconnect(): Promise<void> } };
    await global.copydeskDb?.$disconnect();
    delete global.copydeskDb;

    const later = new Date(publishAt.getTime() + 30_000);
    const sweeps = await Promise.all([publishDueArticles(later), publishDueArticles(later), publishDueArticles(later)]);
    expect(sweeps.flat().filter((id) => id === article.id)).toHaveLength(1);
    const after = await database.db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after).toMatchObject({ status: "PUBLISHED", publishedAt: publishAt, scheduledFor: null });
    const event = await database.db.workflowEvent.findFirstOrThrow({ where: { articleId: article.id, action: "publish_scheduled" } });
    expect(event).toMatchObject({ actorId: null, fromStatus: "SCHEDULED", toStatus: "PUBLISHED" });
    expect(can(SYSTEM, "publish_scheduled", factsOfRow(after, after.version)).ok).toBe(false);
  });
});

describe("comments and lists", () => {
  it("lets staff comment on what they can see, and hides the rest", async () => {
    const mine = await draftBy(reporter);
    await addComment(reporter, { articleId: mine.id, body: "Need a photo here." });
    await addComment(editor, { articleId: mine.id, body: "I'll find one." });
    expect((await listComments(reporter, mine.id)).map((c) => c.body)).toEqual(["Need a photo here.", "I'll find one."]);
    expect(await outcome(addComment(otherReporter, { articleId: mine.id, body: "Peeking" }))).toBe("NOT_FOUND");
    expect(await outcome(listComments(otherReporter, mine.id))).toBe("NOT_FOUND");
  });

  it("pages through a reporter's visible articles without repeats or leaks", async () => {
    for (let i = 0; i < 5; i++) await draftBy(otherReporter);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listArticles(otherReporter, { limit: 3, ...(cursor && { cursor }) });
      for (const row of page.articles) expect(row.author.id === otherReporter.id || row.live).toBe(true);
      seen.push(...page.articles.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const expected = await database.db.article.count({ where: { OR: [{ authorId: otherReporter.id }, { liveRevisionId: { not: null } }] } });
    expect(seen).toHaveLength(expected);
  });
});

describe("bodies that would take an instance down", () => {
  /** `levels` bullet lists inside each other, as the request body holds them: JSON.parse takes it, every recursive walk after it (JSON.stringify too) did not. */
  const nestedLists = (levels: number): unknown =>
    JSON.parse(
      `{"type":"doc","content":[${'{"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph"},'.repeat(levels)}` +
        `{"type":"paragraph","content":[{"type":"text","text":"deep"}]}${"]}]}".repeat(levels)}]}`,
    );
  const refusal = (promise: Promise<unknown>) =>
    promise.then(() => "accepted", (error: unknown) => (error instanceof AppError ? `${error.code} ${error.status}: ${error.message}` : `unexpected: ${String(error)}`));
  /** What a refused save must leave as it was: the row and its history. */
  const snapshot = async (id: string) => ({
    article: await database.db.article.findUniqueOrThrow({ where: { id }, select: { headline: true, body: true, version: true, updatedAt: true } }),
    revisions: await database.db.revision.count({ where: { articleId: id } }),
  });

  it("keeps back a saved body nested 5,000 deep, naming the cap, and stores none of it", async () => {
    const { id, version } = await draftBy(reporter);
    const before = await snapshot(id);
    const body = nestedLists(5_000);
    const deep = "Body: nests deeper than 64 levels (quotes and lists inside each other); at most 64 are taken.";
    expect(await saveDraft(reporter, { articleId: id, version, body })).toMatchObject({ version, invalid: [{ field: "body", message: deep }] });
    expect(await snapshot(id)).toEqual(before);
    // A new story with such a body exists (its headline is the person's work), with an empty body.
    const created = await createDraft(reporter, { headline: unique("Deep"), body });
    expect(created.invalid).toEqual([{ field: "body", message: deep }]);
    expect((await database.db.article.findUniqueOrThrow({ where: { id: created.id } })).body).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });

  it("keeps back a NUL in the body or the headline, naming the field, refuses one in a comment, and stores none of it", async () => {
    const { id, version } = await draftBy(reporter);
    const before = await snapshot(id);
    const invalidOf = async (fields: Record<string, unknown>) => (await saveDraft(reporter, { articleId: id, version, ...fields })).invalid;
    expect(await invalidOf({ body: paragraph("Before\u0000after") })).toEqual([{ field: "body", message: 'Body: the text "Before\\u0000after" holds the control character U+0000; remove it.' }]);
    expect(await invalidOf({ headline: "Storm\u0000 warning" })).toEqual([{ field: "headline", message: "Headline: holds the control character U+0000; remove it." }]);
    expect((await invalidOf({ body: paragraph("Half a pair \uD83D") }))[0]!.message).toMatch(/^Body: the text "Half a pair \\ud83d" is not valid Unicode \(a lone surrogate, U\+D83D\)/);
    expect(await snapshot(id)).toEqual(before);
    expect(await refusal(addComment(reporter, { articleId: id, body: "Looks\u0000 fine" }))).toBe("VALIDATION 400: body: holds the control character U+0000; remove it.");
    expect(await listComments(reporter, id)).toEqual([]);
    // The same text without the character saves.
    expect(await refusal(saveDraft(reporter, { articleId: id, version, headline: "Storm warning", body: paragraph("Before after") }))).toBe("accepted");
  });
});
