import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft, createPreviewLink, listPreviewLinks, previewByToken, revokePreviewLink, revokePreviewLinks, saveDraft, transition, uploadImage } from "@/lib/articles";
import { imageAccess } from "@/lib/media/access";
import { AppError } from "@/lib/errors";
import type { StaffViewer } from "@/lib/policy";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

/**
 * Issue #22, item 5: share links hand outsiders a story's unpublished
 * working copy, so making, listing and revoking them takes the right to edit
 * the story, and no link outlives the story's withdrawal (unpublish or
 * archive) — neither its page nor its images. Every refusal re-reads the rows.
 */
let database: TestDatabase;
let uploads: string;
let reporter: StaffViewer;
let otherReporter: StaffViewer;
let editor: StaffViewer;

beforeAll(async () => {
  uploads = await mkdtemp(path.join(os.tmpdir(), "copydesk-previews-"));
  process.env.UPLOADS_DIR = uploads;
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER", { name: "Rosa Reporter" }));
  otherReporter = asViewer(await makeUser(database.db, "REPORTER", { name: "Otto Other" }));
  editor = asViewer(await makeUser(database.db, "EDITOR", { name: "Edna Editor" }));
});
afterAll(() => rm(uploads, { recursive: true, force: true }));

const code = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`));
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const figure = (src: string) => ({ type: "doc", content: [{ type: "figure", attrs: { src, alt: "A quay", caption: "The quay.", credit: "Staff" } }] });
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);
const linkRows = (articleId: string) => database.db.articlePreview.findMany({ where: { articleId }, orderBy: { id: "asc" } });
let counter = 0;
const headline = (label: string) => `${label} ${++counter} ${Date.now()}`;

async function liveStory(author: StaffViewer, words = "Live text.") {
  const created = await createDraft(author, { headline: headline("Live story"), body: paragraph(words) });
  const published = await transition(editor, { articleId: created.id, action: "publish", version: created.version });
  return { ...created, version: published.version };
}

describe("who may share", () => {
  it("refuses a reporter a link to another reporter's live story, or to list or revoke its links; nothing is written or removed", async () => {
    const story = await liveStory(otherReporter);
    await saveDraft(otherReporter, { articleId: story.id, version: story.version, headline: "Unpublished rewrite" });
    const existing = await createPreviewLink(otherReporter, { articleId: story.id });
    const before = await linkRows(story.id);

    expect(await code(createPreviewLink(reporter, { articleId: story.id }))).toBe("FORBIDDEN");
    expect(await code(listPreviewLinks(reporter, story.id))).toBe("FORBIDDEN");
    expect(await code(revokePreviewLinks(reporter, story.id))).toBe("FORBIDDEN");
    expect(await code(revokePreviewLink(reporter, story.id, existing.id))).toBe("FORBIDDEN");
    expect(await linkRows(story.id)).toEqual(before);
    expect((await previewByToken(tokenOf(existing.url)))?.headline).toBe("Unpublished rewrite");

    // Another reporter's draft is not even found.
    const draft = await createDraft(otherReporter, { headline: headline("Hidden draft") });
    expect(await code(createPreviewLink(reporter, { articleId: draft.id }))).toBe("NOT_FOUND");
    expect(await linkRows(draft.id)).toEqual([]);
  });

  it("follows the right to edit: not a reporter's own story in review, nobody's archived story; an editor's any other", async () => {
    const mine = await createDraft(reporter, { headline: headline("In review") });
    expect(await code(createPreviewLink(reporter, { articleId: mine.id }))).toBe("ok");
    await transition(reporter, { articleId: mine.id, action: "submit" });
    expect(await code(createPreviewLink(reporter, { articleId: mine.id }))).toBe("FORBIDDEN");
    expect(await linkRows(mine.id)).toHaveLength(1);
    expect(await code(createPreviewLink(editor, { articleId: mine.id }))).toBe("ok");

    await transition(editor, { articleId: mine.id, action: "archive" });
    expect(await code(createPreviewLink(editor, { articleId: mine.id }))).toBe("FORBIDDEN");
    expect(await linkRows(mine.id)).toEqual([]);
  });
});

describe("the links of a story", () => {
  it("are listed with who made them and when they end, never with a token, and revoked one by one", async () => {
    const story = await createDraft(reporter, { headline: headline("Listed"), body: paragraph("Draft text.") });
    const first = await createPreviewLink(reporter, { articleId: story.id }, new Date(Date.now() - 60_000));
    const second = await createPreviewLink(editor, { articleId: story.id, expiresInSeconds: 3600 });
    const expired = await createPreviewLink(editor, { articleId: story.id, expiresInSeconds: 1 }, new Date(Date.now() - 10_000));

    const { links } = await listPreviewLinks(reporter, story.id);
    expect(links.map((link) => [link.id, link.createdBy.name])).toEqual([[second.id, "Edna Editor"], [first.id, "Rosa Reporter"]]);
    expect(links[0]).toEqual({ id: second.id, createdAt: expect.any(String), expiresAt: second.expiresAt, createdBy: { id: editor.id, name: "Edna Editor" } });
    const listed = JSON.stringify(links);
    for (const token of [first, second, expired].map((link) => tokenOf(link.url))) expect(listed).not.toContain(token);
    expect(listed).not.toContain((await linkRows(story.id))[0]!.tokenHash);

    // One link ends; the other keeps working. A link id of another story is not found, and that link keeps working too.
    expect(await revokePreviewLink(reporter, story.id, first.id)).toEqual({ revoked: 1 });
    expect(await previewByToken(tokenOf(first.url))).toBeNull();
    expect(await previewByToken(tokenOf(second.url))).not.toBeNull();
    const elsewhere = await createDraft(reporter, { headline: headline("Elsewhere") });
    const foreign = await createPreviewLink(reporter, { articleId: elsewhere.id });
    expect(await code(revokePreviewLink(reporter, story.id, foreign.id))).toBe("NOT_FOUND");
    expect(await linkRows(elsewhere.id)).toHaveLength(1);
    expect(await previewByToken(tokenOf(foreign.url))).not.toBeNull();
    expect((await listPreviewLinks(editor, story.id)).links.map((link) => link.id)).toEqual([second.id]);
  });
});

describe("a withdrawn story", () => {
  it("ends its links when unpublished: the working copy and its new images are no longer shown, and the rows are gone", async () => {
    const story = await liveStory(reporter);
    const upload = await uploadImage(reporter, await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 30, g: 90, b: 120 } } }).jpeg().toBuffer());
    const variant = upload.url.replace(/^\/media\//, "");
    await saveDraft(reporter, { articleId: story.id, version: story.version, headline: "Legal has not seen this", body: figure(upload.url) });
    const link = await createPreviewLink(reporter, { articleId: story.id });
    expect((await previewByToken(tokenOf(link.url)))?.headline).toBe("Legal has not seen this");
    expect(await imageAccess(variant, { viewer: null, previewToken: tokenOf(link.url) })).toBe("private");

    await transition(editor, { articleId: story.id, action: "unpublish", note: "Legal hold." });
    expect(await previewByToken(tokenOf(link.url))).toBeNull();
    expect(await imageAccess(variant, { viewer: null, previewToken: tokenOf(link.url) })).toBeNull();
    expect(await linkRows(story.id)).toEqual([]);

    // Back to a draft, it may be shared again — with a new link; the old one stays dead.
    const again = await createPreviewLink(reporter, { articleId: story.id });
    expect((await previewByToken(tokenOf(again.url)))?.headline).toBe("Legal has not seen this");
    expect(await previewByToken(tokenOf(link.url))).toBeNull();
  });

  it("ends its links when archived, and they stay dead after a restore", async () => {
    const draft = await createDraft(reporter, { headline: headline("To archive"), body: paragraph("Never published.") });
    const link = await createPreviewLink(reporter, { articleId: draft.id });
    await transition(editor, { articleId: draft.id, action: "archive" });
    expect(await previewByToken(tokenOf(link.url))).toBeNull();
    expect(await linkRows(draft.id)).toEqual([]);
    await transition(editor, { articleId: draft.id, action: "restore" });
    expect(await previewByToken(tokenOf(link.url))).toBeNull();
  });

  it("refuses, at read time, a link row left behind by a withdrawal or written onto an archived story", async () => {
    // Rows written straight into the table, as if the withdrawal's delete had missed them: the story's state and
    // history still refuse them (defence in depth; the page and the images both ask previewedArticleId).
    const story = await liveStory(reporter);
    const made = new Date(Date.now() - 60_000);
    const leftover = await createPreviewLink(reporter, { articleId: story.id }, made);
    const row = (await linkRows(story.id))[0]!;
    await transition(editor, { articleId: story.id, action: "unpublish", note: "Taken down." });
    await database.db.articlePreview.create({ data: { ...row } });
    expect(await previewByToken(tokenOf(leftover.url))).toBeNull();

    const archived = await createDraft(reporter, { headline: headline("Archived") });
    const other = await createPreviewLink(reporter, { articleId: archived.id });
    const otherRow = (await linkRows(archived.id))[0]!;
    await transition(editor, { articleId: archived.id, action: "archive" });
    await database.db.articlePreview.create({ data: { ...otherRow, createdAt: new Date(Date.now() + 60_000) } });
    expect(await previewByToken(tokenOf(other.url))).toBeNull();
  });
});
