import { beforeAll, describe, expect, it } from "vitest";
import { addCorrection, createDraft, createPreviewLink, listRevisions, previewByToken, publishDueArticles, revokePreviewLinks, saveDraft, transition } from "@/lib/articles";
import { AppError } from "@/lib/errors";
import type { StaffViewer } from "@/lib/policy";
import { articleBySlug } from "@/lib/reader/article";
import { correctionsPage } from "@/lib/reader/corrections";
import { searchArticles } from "@/lib/reader/search";
import { updateSettings } from "@/lib/settings";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

let database: TestDatabase;
let reporter: StaffViewer;
let editor: StaffViewer;
let secondEditor: StaffViewer;
let admin: StaffViewer;

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER"));
  editor = asViewer(await makeUser(database.db, "EDITOR"));
  secondEditor = asViewer(await makeUser(database.db, "EDITOR"));
  admin = asViewer(await makeUser(database.db, "ADMIN"));
});

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const code = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`));
let counter = 0;

async function liveStory(words = "The live text.") {
  const created = await createDraft(reporter, { headline: `Harbour story ${++counter} ${Date.now()}`, standfirst: "Live standfirst.", body: paragraph(words) });
  const published = await transition(editor, { articleId: created.id, action: "publish", version: created.version });
  return { ...created, version: published.version };
}

const readerText = async (slug: string) => {
  const found = await articleBySlug(slug);
  return found.kind === "article" ? { headline: found.article.headline, standfirst: found.article.standfirst, body: found.article.body } : found.kind;
};

describe("a live story and its working copy", () => {
  it("keeps readers on the live version while staff save, until the changes are published", async () => {
    const story = await liveStory();
    const saved = await saveDraft(editor, { articleId: story.id, version: story.version, standfirst: "Half-typed standf", body: paragraph("Unreviewed text.") });
    expect(await readerText(story.slug)).toMatchObject({ standfirst: "Live standfirst.", body: paragraph("The live text.") });
    expect((await searchArticles("Unreviewed", 1)).hits.map((hit) => hit.id)).not.toContain(story.id);

    // Publishing a version someone has since changed moves nothing.
    expect(await code(transition(editor, { articleId: story.id, action: "publish_changes", version: story.version }))).toBe("CONFLICT");
    expect(await readerText(story.slug)).toMatchObject({ standfirst: "Live standfirst." });

    await transition(editor, { articleId: story.id, action: "publish_changes", version: saved.version });
    expect(await readerText(story.slug)).toMatchObject({ standfirst: "Half-typed standf", body: paragraph("Unreviewed text.") });
    expect((await searchArticles("Unreviewed", 1)).hits.map((hit) => hit.id)).toContain(story.id);
  });

  it("lets a reporter edit their own live story and submit it; withdrawing or discarding leaves readers where they were", async () => {
    const story = await liveStory();
    const saved = await saveDraft(reporter, { articleId: story.id, version: story.version, headline: "A reporter's rewrite" });
    const submitted = await transition(reporter, { articleId: story.id, action: "submit" });
    expect(submitted.status).toBe("IN_REVIEW");
    expect(await readerText(story.slug)).not.toMatchObject({ headline: "A reporter's rewrite" });
    expect((await transition(reporter, { articleId: story.id, action: "withdraw" })).status).toBe("PUBLISHED");

    const discarded = await transition(reporter, { articleId: story.id, action: "discard_changes", version: saved.version });
    const row = await database.db.article.findUniqueOrThrow({ where: { id: story.id }, include: { liveRevision: true } });
    expect(row.headline).toBe(row.liveRevision!.headline);
    expect(row.liveRevision!.version).toBe(discarded.version);
    expect(await code(transition(reporter, { articleId: story.id, action: "discard_changes", version: discarded.version }))).toBe("INVALID_TRANSITION");
  });

  it("publishes on schedule exactly the version that was scheduled, leaving later edits unpublished", async () => {
    const draft = await createDraft(reporter, { headline: `Scheduled ${Date.now()}`, body: paragraph("Version that was approved.") });
    await transition(reporter, { articleId: draft.id, action: "submit" });
    const publishAt = new Date(Date.now() + 60_000);
    await transition(editor, { articleId: draft.id, action: "schedule", version: draft.version, publishAt: publishAt.toISOString() });
    const edited = await saveDraft(editor, { articleId: draft.id, version: draft.version, body: paragraph("An edit after scheduling.") });
    expect(edited.version).toBe(draft.version + 1);
    expect(await publishDueArticles(new Date(publishAt.getTime() + 1_000))).toContain(draft.id);
    expect(await readerText(draft.slug)).toMatchObject({ body: paragraph("Version that was approved.") });
    const row = await database.db.article.findUniqueOrThrow({ where: { id: draft.id }, include: { liveRevision: true } });
    expect(row.liveRevision!.version).toBe(draft.version);
    expect(row.version).toBe(edited.version); // the edit stays as an unpublished change
  });
});

describe("photos belong to the story", () => {
  it("changing a caption in one story leaves another story that uses the same image unchanged", async () => {
    const media = await database.db.media.create({ data: { storageKey: `images/${"a".repeat(32)}/original.jpeg`, mimeType: "image/jpeg", width: 800, height: 600, byteSize: 1, widths: [480] } });
    const hero = { mediaId: media.id, alt: "Boats", caption: "Boats at dawn.", credit: "Jo" };
    const first = await createDraft(reporter, { headline: `First ${Date.now()}`, hero });
    const second = await createDraft(reporter, { headline: `Second ${Date.now()}`, hero });
    for (const story of [first, second]) await transition(editor, { articleId: story.id, action: "publish", version: story.version });
    const saved = await saveDraft(reporter, { articleId: second.id, version: second.version, hero: { ...hero, caption: "DEFACED CAPTION", credit: "nobody" } });
    await transition(editor, { articleId: second.id, action: "publish_changes", version: saved.version });
    const [a, b] = await Promise.all([articleBySlug(first.slug), articleBySlug(second.slug)]);
    expect(a.kind === "article" && a.article.image).toMatchObject({ caption: "Boats at dawn.", credit: "Jo" });
    expect(b.kind === "article" && b.article.image).toMatchObject({ caption: "DEFACED CAPTION", credit: "nobody" });
    const { revisions } = await listRevisions(editor, { articleId: second.id });
    expect(revisions.map((r) => r.heroCaption)).toEqual(["DEFACED CAPTION", "Boats at dawn."]);
  });
});

describe("the four-eyes rule", () => {
  it("when on, refuses the author's own publish with the reason, and lets another editor publish", async () => {
    const own = await createDraft(editor, { headline: `Editor's own ${Date.now()}`, body: paragraph("Mine.") });
    expect(await code(updateSettings(editor, { fourEyes: true }))).toBe("FORBIDDEN");
    expect(await code(updateSettings(admin, { fourEyes: "yes" }))).toBe("VALIDATION");
    await updateSettings(admin, { fourEyes: true });
    try {
      const refused = await transition(editor, { articleId: own.id, action: "publish", version: own.version }).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: "FORBIDDEN", details: { reason: "four_eyes" } });
      expect((await database.db.article.findUniqueOrThrow({ where: { id: own.id } })).liveRevisionId).toBeNull();
      expect((await transition(secondEditor, { articleId: own.id, action: "publish", version: own.version })).status).toBe("PUBLISHED");
    } finally {
      await updateSettings(admin, { fourEyes: false });
    }
  });
});

describe("corrections", () => {
  it("are public at once on an unchanged story, and with the publish when the text changes", async () => {
    const story = await liveStory();
    const now = await addCorrection(editor, { articleId: story.id, kind: "CLARIFICATION", note: "We clarified who paid." });
    expect(now.publishedAt).not.toBeNull();
    const saved = await saveDraft(editor, { articleId: story.id, version: story.version, body: paragraph("Corrected text.") });
    const pending = await addCorrection(editor, { articleId: story.id, note: "The date was wrong." });
    expect(pending).toMatchObject({ kind: "CORRECTION", publishedAt: null });
    let found = await articleBySlug(story.slug);
    expect(found.kind === "article" && found.article.corrections.map((c) => c.kind)).toEqual(["CLARIFICATION"]);
    await transition(editor, { articleId: story.id, action: "publish_changes", version: saved.version });
    found = await articleBySlug(story.slug);
    expect(found.kind === "article" && found.article.corrections.map((c) => c.note)).toEqual(["We clarified who paid.", "The date was wrong."]);
    expect((await correctionsPage(1)).corrections.slice(0, 2).map((c) => c.note)).toEqual(["The date was wrong.", "We clarified who paid."]);
    expect(await code(addCorrection(editor, { articleId: story.id, kind: "RETRACTION", note: "x" }))).toBe("VALIDATION");
  });
});

describe("share links", () => {
  it("show the working copy until revoked or expired; tokens are stored hashed", async () => {
    const story = await liveStory();
    await saveDraft(editor, { articleId: story.id, version: story.version, headline: "Not yet public" });
    const link = await createPreviewLink(reporter, { articleId: story.id });
    const token = link.url.split("/preview/")[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(link.expiresAt).getTime() - Date.now()).toBeGreaterThan(47 * 3_600_000);
    expect(await database.db.articlePreview.count({ where: { tokenHash: token } })).toBe(0);
    expect((await previewByToken(token))?.headline).toBe("Not yet public");
    expect(await code(createPreviewLink(reporter, { articleId: story.id, expiresInSeconds: 8 * 24 * 3600 }))).toBe("VALIDATION");

    const short = await createPreviewLink(editor, { articleId: story.id, expiresInSeconds: 1 });
    expect(await previewByToken(short.url.split("/preview/")[1]!, new Date(Date.now() + 2_000))).toBeNull();

    expect(await revokePreviewLinks(editor, story.id)).toEqual({ revoked: 2 });
    expect(await previewByToken(token)).toBeNull();
  });
});

describe("history stays bounded", () => {
  it("folds one person's autosaves into one revision, but not across a publish or another person", async () => {
    const draft = await createDraft(reporter, { headline: `Folding ${Date.now()}`, body: paragraph("One.") });
    let version = draft.version;
    for (const text of ["Two.", "Three.", "Four."]) version = (await saveDraft(reporter, { articleId: draft.id, version, body: paragraph(text) })).version;
    expect((await listRevisions(reporter, { articleId: draft.id })).revisions.map((r) => r.version)).toEqual([version]);
    await transition(editor, { articleId: draft.id, action: "publish", version });
    version = (await saveDraft(reporter, { articleId: draft.id, version, body: paragraph("Five.") })).version;
    version = (await saveDraft(editor, { articleId: draft.id, version, body: paragraph("Six.") })).version;
    const { revisions } = await listRevisions(reporter, { articleId: draft.id, limit: 2 });
    expect(revisions.map((r) => [r.version, r.live])).toEqual([[version, false], [version - 1, false]]);
    const older = await listRevisions(reporter, { articleId: draft.id, before: version - 1 });
    expect(older.revisions.map((r) => r.live)).toEqual([true]);
  });
});
