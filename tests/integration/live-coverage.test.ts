import { beforeAll, describe, expect, it } from "vitest";
import { addCorrection, createDraft, getArticle, listEvents, saveDraft, transition } from "@/lib/articles";
import { AppError } from "@/lib/errors";
import { approveEntry, deleteEntry, editEntry, listEntries, postEntry, setCoverage } from "@/lib/live";
import type { StaffViewer } from "@/lib/policy";
import { articleBySlug } from "@/lib/reader/article";
import { correctionsPage } from "@/lib/reader/corrections";
import { liveBlogEntries, liveBlogView, liveUpdates } from "@/lib/reader/live-blog";
import { frontPage } from "@/lib/reader/front-page";
import { updateSettings } from "@/lib/settings";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

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
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? `${error.code}: ${error.message}` : `unexpected: ${String(error)}`),
  );
let counter = 0;

/** Live coverage by the reporter, published by the editor. */
async function liveBlog() {
  const created = await createDraft(reporter, { kind: "live", headline: `Storm live ${++counter} ${Date.now()}`, standfirst: "Follow the storm.", body: paragraph("What we know.") });
  const published = await transition(editor, { articleId: created.id, action: "publish", version: created.version });
  return { ...created, version: published.version };
}

const readerIds = async (slug: string) => (await liveBlogView(slug, undefined))!.entries.map((entry) => entry.id);
const row = (id: string) => database.db.liveEntry.findUniqueOrThrow({ where: { id } });

describe("live coverage", () => {
  it("is a kind of story: created live, published through the workflow, its coverage running until an editor ends it", async () => {
    const blog = await liveBlog();
    expect(blog.kind).toBe("live");
    const view = await getArticle(editor, blog.id);
    expect(view.kind).toBe("live");
    expect(view.coverage).toMatchObject({ running: true, endedAt: null });
    const found = await articleBySlug(blog.slug);
    expect(found.kind === "article" && found.article.coverage?.running).toBe(true);
    expect((await frontPage(1)).articles.find((teaser) => teaser.id === blog.id)?.liveNow).toBe(true);

    expect(await failure(setCoverage(reporter, { articleId: blog.id, running: false }))).toMatch(/^FORBIDDEN/);
    const ended = await setCoverage(editor, { articleId: blog.id, running: false });
    expect(ended).toMatchObject({ running: false, endedAt: expect.any(String) });
    expect((await liveUpdates(blog.slug))!.coverage.running).toBe(false);
    expect((await frontPage(1)).articles.find((teaser) => teaser.id === blog.id)?.liveNow).toBe(false);
    // Ended coverage takes no new entries, and cannot be ended twice; resuming undoes it.
    expect(await failure(postEntry(editor, { articleId: blog.id, body: paragraph("Late.") }))).toMatch(/^INVALID_TRANSITION/);
    expect(await failure(setCoverage(editor, { articleId: blog.id, running: false }))).toMatch(/^INVALID_TRANSITION/);
    expect(await setCoverage(editor, { articleId: blog.id, running: true })).toMatchObject({ running: true, endedAt: null });
    expect((await listEvents(editor, blog.id)).map((event) => event.action).slice(0, 2)).toEqual(["resume_coverage", "end_coverage"]);
  });

  it("a draft becomes live coverage before readers have it, and a story again only while it has no entries", async () => {
    const draft = await createDraft(reporter, { headline: `Breaking ${Date.now()}`, body: paragraph("First lines.") });
    expect(draft.kind).toBe("story");
    expect(await failure(postEntry(reporter, { articleId: draft.id, body: paragraph("An update.") }))).toMatch(/^INVALID_TRANSITION: Entries belong to live coverage/);
    expect((await saveDraft(reporter, { articleId: draft.id, kind: "LIVE" })).kind).toBe("live");
    await postEntry(reporter, { articleId: draft.id, body: paragraph("An update.") });
    expect(await failure(saveDraft(reporter, { articleId: draft.id, kind: "story" }))).toMatch(/^INVALID_TRANSITION: This live coverage has entries/);
    const published = await liveBlog();
    expect(await failure(saveDraft(editor, { articleId: published.id, kind: "story" }))).toMatch(/^INVALID_TRANSITION: A story readers have had stays live coverage/);
  });

  it("posts entries newest first, each a trace in history; readers get them at once", async () => {
    const blog = await liveBlog();
    const first = await postEntry(reporter, { articleId: blog.id, title: "Wind picks up", body: paragraph("Gusts of 90 km/h on the coast.") });
    const second = await postEntry(editor, { articleId: blog.id, body: paragraph("Ferries cancelled."), keyEvent: true });
    expect(first).toMatchObject({ status: "POSTED", version: 1 });
    expect(await readerIds(blog.slug)).toEqual([second.id, first.id]);
    const view = (await liveBlogView(blog.slug, undefined))!;
    expect(view.keyEvents.map((event) => event.id)).toEqual([second.id]);
    expect(view.entries[1]!.authors).toEqual([{ name: expect.any(String) }]);
    expect((await liveUpdates(blog.slug))!.entries.map((entry) => entry.id)).toEqual([second.id, first.id]);
    const events = await listEvents(editor, blog.id);
    expect(events.filter((event) => event.action === "post_entry")).toHaveLength(2);
  });

  it("holds writers' entries for approval when the newsroom asks it; an editor posts them", async () => {
    const blog = await liveBlog();
    await updateSettings(admin, { liveEntriesNeedApproval: true });
    try {
      const waiting = await postEntry(reporter, { articleId: blog.id, body: paragraph("Power out in the old town.") });
      expect(waiting.status).toBe("PENDING");
      expect(await readerIds(blog.slug)).not.toContain(waiting.id);
      // The writer may still change what waits, but not what readers see; editors post directly.
      await editEntry(reporter, { articleId: blog.id, entryId: waiting.id, version: waiting.version, title: "Power cut" });
      const direct = await postEntry(editor, { articleId: blog.id, body: paragraph("Schools closed tomorrow.") });
      expect(direct.status).toBe("POSTED");
      expect(await failure(editEntry(reporter, { articleId: blog.id, entryId: direct.id, version: direct.version, title: "Mine now" }))).toMatch(/^FORBIDDEN: Live entries need approval/);
      expect(await failure(approveEntry(reporter, { articleId: blog.id, entryId: waiting.id }))).toMatch(/^FORBIDDEN/);
      expect((await listEntries(otherReporter, blog.id)).map((entry) => entry.id)).not.toContain(waiting.id);
      expect((await listEntries(editor, blog.id)).find((entry) => entry.id === waiting.id)?.status).toBe("PENDING");

      const approved = await approveEntry(editor, { articleId: blog.id, entryId: waiting.id });
      expect(approved).toMatchObject({ status: "POSTED", title: "Power cut" });
      expect(await readerIds(blog.slug)).toEqual([waiting.id, direct.id]);
      expect(await failure(approveEntry(editor, { articleId: blog.id, entryId: waiting.id }))).toMatch(/^INVALID_TRANSITION/);
    } finally {
      await updateSettings(admin, { liveEntriesNeedApproval: false });
    }
  });

  it("an edit names the version it changed: a stale one is a 409 and changes nothing; a posted entry's new words say Updated", async () => {
    const blog = await liveBlog();
    const entry = await postEntry(reporter, { articleId: blog.id, body: paragraph("Three injured.") });
    const edited = await editEntry(editor, { articleId: blog.id, entryId: entry.id, version: entry.version, body: paragraph("Four injured.") });
    expect(edited.version).toBe(2);
    expect(edited.editedAt).toBeInstanceOf(Date);
    expect(edited.authorIds).toEqual([reporter.id, editor.id]);
    expect(await failure(editEntry(reporter, { articleId: blog.id, entryId: entry.id, version: entry.version, body: paragraph("Two injured.") }))).toMatch(/^CONFLICT: Someone else changed this entry first \(it is at version 2\)/);
    expect((await row(entry.id)).body).toEqual(paragraph("Four injured."));
    const [shown] = (await liveBlogView(blog.slug, undefined))!.entries;
    expect(shown).toMatchObject({ id: entry.id, updatedAt: expect.any(String), version: 2 });
    // A flag alone is no new wording.
    const flagged = await editEntry(reporter, { articleId: blog.id, entryId: entry.id, version: 2, keyEvent: true });
    expect(flagged.editedAt).toEqual(edited.editedAt);
  });

  it("pins one entry at a time, naming the one already pinned", async () => {
    const blog = await liveBlog();
    const summary = await postEntry(editor, { articleId: blog.id, title: "What we know", body: paragraph("The summary."), pinned: true });
    const other = await postEntry(editor, { articleId: blog.id, body: paragraph("Another.") });
    expect(await failure(postEntry(editor, { articleId: blog.id, body: paragraph("Also pinned?"), pinned: true }))).toMatch(/^CONFLICT: Another entry is pinned \("What we know"\)/);
    expect(await failure(editEntry(editor, { articleId: blog.id, entryId: other.id, version: other.version, pinned: true }))).toMatch(/^CONFLICT: Another entry is pinned/);
    expect(await failure(postEntry(reporter, { articleId: blog.id, body: paragraph("Pin mine."), pinned: true }))).toMatch(/^FORBIDDEN/);
    const view = (await liveBlogView(blog.slug, undefined))!;
    expect(view.pinned?.id).toBe(summary.id);
    expect(view.entries.map((entry) => entry.id)).toEqual([other.id]);
    await editEntry(editor, { articleId: blog.id, entryId: summary.id, version: summary.version, pinned: false });
    await editEntry(editor, { articleId: blog.id, entryId: other.id, version: other.version, pinned: true });
    expect((await liveBlogView(blog.slug, undefined))!.pinned?.id).toBe(other.id);

    // Two pins at the same moment: the database's one-pin index decides, and the loser hears why (no 500).
    const race = await liveBlog();
    const outcomes = await Promise.all([1, 2].map((n) => failure(postEntry(editor, { articleId: race.id, body: paragraph(`Pin ${n}.`), pinned: true }))));
    expect(outcomes.sort()).toEqual([expect.stringMatching(/^CONFLICT: Another entry is pinned/), "ok"]);
  });

  it("a deleted entry leaves every reader surface and stays in history with who and why", async () => {
    const blog = await liveBlog();
    const wrong = await postEntry(reporter, { articleId: blog.id, body: paragraph("A rumour.") });
    expect(await failure(deleteEntry(editor, { articleId: blog.id, entryId: wrong.id }))).toMatch(/^VALIDATION: reason/);
    expect(await failure(deleteEntry(otherReporter, { articleId: blog.id, entryId: wrong.id, reason: "not mine" }))).toMatch(/^FORBIDDEN/);
    await deleteEntry(editor, { articleId: blog.id, entryId: wrong.id, reason: "Unconfirmed" });
    expect(await readerIds(blog.slug)).not.toContain(wrong.id);
    expect((await liveUpdates(blog.slug))!.entries).toEqual([]);
    expect((await liveBlogEntries(blog.slug, undefined))!.entries).toEqual([]);
    expect(await row(wrong.id)).toMatchObject({ status: "DELETED", deletedById: editor.id, deleteReason: "Unconfirmed" });
    const event = (await listEvents(editor, blog.id)).find((candidate) => candidate.action === "delete_entry");
    expect(event?.note).toBe('"A rumour.": Unconfirmed');
    expect(await failure(editEntry(editor, { articleId: blog.id, entryId: wrong.id, version: 2, title: "Back?" }))).toMatch(/^NOT_FOUND/);
  });

  it("refuses bad input by name and changes nothing", async () => {
    const blog = await liveBlog();
    const before = await database.db.liveEntry.count({ where: { articleId: blog.id } });
    expect(await failure(postEntry(editor, { articleId: blog.id, body: { type: "doc", content: [{ type: "paragraph" }] } }))).toMatch(/^VALIDATION: body: an entry needs some words or a photo/);
    expect(await failure(postEntry(editor, { articleId: blog.id }))).toMatch(/^VALIDATION: body: is required/);
    expect(await failure(postEntry(editor, { articleId: blog.id, body: "<p>html</p>" }))).toMatch(/^VALIDATION/);
    expect(await failure(postEntry(editor, { articleId: blog.id, title: "x".repeat(201), body: paragraph("Long title.") }))).toMatch(/^VALIDATION: title: must be at most 200 characters/);
    expect(await failure(postEntry(editor, { articleId: blog.id, body: paragraph("Bad key"), colour: "red" }))).toMatch(/^VALIDATION: Unknown field: colour/);
    expect(await failure(postEntry(otherReporter, { articleId: blog.id, body: paragraph("Not my story.") }))).toMatch(/^FORBIDDEN/);
    expect(await failure(postEntry(editor, { articleId: "no-such-story", body: paragraph("Nowhere.") }))).toMatch(/^NOT_FOUND/);
    const entry = await postEntry(editor, { articleId: blog.id, body: paragraph("Good.") });
    expect(await failure(editEntry(editor, { articleId: blog.id, entryId: entry.id, version: 1 }))).toMatch(/^VALIDATION: Send what changes/);
    expect(await failure(editEntry(editor, { articleId: blog.id, entryId: entry.id, title: "No version" }))).toMatch(/^VALIDATION: version/);
    expect(await database.db.liveEntry.count({ where: { articleId: blog.id } })).toBe(before + 1);
  });

  it("pages entries by the entry each page starts at, and corrects an entry on /corrections", async () => {
    const blog = await liveBlog();
    const posted = [];
    for (let n = 1; n <= 23; n++) posted.push(await postEntry(editor, { articleId: blog.id, body: paragraph(`Update ${n}.`) }, new Date(Date.now() + n * 1000)));
    const first = (await liveBlogView(blog.slug, undefined))!;
    expect(first.entries).toHaveLength(20);
    expect(first.olderFrom).toBe(posted[2]!.id);
    const older = (await liveBlogView(blog.slug, first.olderFrom!))!;
    expect(older.entries.map((entry) => entry.id)).toEqual([posted[2]!.id, posted[1]!.id, posted[0]!.id]);
    expect(older.olderFrom).toBeNull();
    expect(await liveBlogView(blog.slug, "not-an-entry")).toBeNull();

    const correction = await addCorrection(editor, { articleId: blog.id, entryId: posted[0]!.id, kind: "correction", note: "Update 1 named the wrong bridge." });
    expect(correction.publishedAt).toBeInstanceOf(Date);
    const listed = (await correctionsPage(1)).corrections.find((candidate) => candidate.id === correction.id);
    expect(listed?.path).toBe(`/articles/${blog.slug}#entry-${posted[0]!.id}`);
    expect(await failure(addCorrection(editor, { articleId: blog.id, entryId: "missing", note: "No." }))).toMatch(/^NOT_FOUND/);
  });
});
