import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as contentArticle } from "@/app/api/v1/content/articles/[slug]/route";
import { createDraft, createPreviewLink, getArticle, listRevisions, restoreRevision, saveDraft, transition, uploadImage } from "@/lib/articles";
import { imageAccess } from "@/lib/media/access";
import { imageFolder } from "@/lib/media/image";
import { shareImageOf } from "@/lib/media/renditions";
import { recentMedia } from "@/lib/articles/recent-media";
import { AppError } from "@/lib/errors";
import { SYSTEM, type StaffViewer } from "@/lib/policy";
import { articleBySlug, type ReaderArticle } from "@/lib/reader/article";
import { contentList } from "@/lib/reader/content-api";
import { searchAndSocial } from "@/lib/reader/search-social";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

/*
 * Issue #25: search and social fields. A story's SEO title, description and
 * share image are content — saved field by field like the headline, kept in
 * every revision — and readers get the live revision's, falling back to the
 * headline, standfirst and hero; the share image is private until it is live.
 */

let database: TestDatabase;
let uploads: string;
let reporter: StaffViewer;
let editor: StaffViewer;

beforeAll(async () => {
  uploads = await mkdtemp(path.join(os.tmpdir(), "copydesk-seo-"));
  process.env.UPLOADS_DIR = uploads;
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER"));
  editor = asViewer(await makeUser(database.db, "EDITOR"));
});
afterAll(() => rm(uploads, { recursive: true, force: true }));

let counter = 0;
const unique = (label: string) => `${label} ${++counter} ${Date.now()}`;
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const row = (id: string) => database.db.article.findUniqueOrThrow({ where: { id } });
const latestRevision = (id: string) => database.db.revision.findFirstOrThrow({ where: { articleId: id }, orderBy: { version: "desc" } });
const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? `${error.code}: ${error.message}` : String(error)));
const photo = (shade: number) => sharp({ create: { width: 1200, height: 630, channels: 3, background: { r: shade, g: 80, b: 40 } } }).jpeg().toBuffer();
const keyOf = (url: string) => url.replace(/^\/media\//, "");
const anonymous = { viewer: null, previewToken: null };

async function reader(slug: string): Promise<ReaderArticle> {
  const found = await articleBySlug(slug);
  if (found.kind !== "article") throw new Error(`${slug} is ${found.kind}`);
  return found.article;
}
async function contentApi(slug: string) {
  const response = await contentArticle(new Request(`http://localhost/api/v1/content/articles/${slug}`), { params: Promise.resolve({ slug }) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe("saving the search and social fields", () => {
  it("sets each on create and on a save (an id bare or as { mediaId }), and null clears each", async () => {
    const image = await uploadImage(reporter, await photo(10));
    const created = await createDraft(reporter, { headline: unique("Harbour"), seoTitle: "Harbour reopens", description: "What changes for ferries.", socialImage: { mediaId: image.id } });
    expect(created.invalid).toEqual([]);
    expect(await row(created.id)).toMatchObject({ seoTitle: "Harbour reopens", description: "What changes for ferries.", socialImageId: image.id });
    expect(await latestRevision(created.id)).toMatchObject({ seoTitle: "Harbour reopens", description: "What changes for ferries.", socialImageId: image.id });

    const other = await uploadImage(reporter, await photo(20));
    const saved = await saveDraft(reporter, { articleId: created.id, version: created.version, seoTitle: "  Ferries are back  ", description: "Timetables inside.", socialImage: other.id });
    expect(saved.invalid).toEqual([]);
    expect(await row(created.id)).toMatchObject({ seoTitle: "Ferries are back", description: "Timetables inside.", socialImageId: other.id });
    const view = await getArticle(reporter, created.id);
    expect(view).toMatchObject({ seoTitle: "Ferries are back", description: "Timetables inside.", socialImage: { mediaId: other.id } });
    expect(view.socialImage!.url).toMatch(/^\/media\/images\/[a-f0-9]{32}\/\d+\.webp$/);

    const cleared = await saveDraft(reporter, { articleId: created.id, version: saved.version, seoTitle: null, description: null, socialImage: null });
    expect(cleared.version).toBe(saved.version + 1);
    expect(await row(created.id)).toMatchObject({ seoTitle: "", description: "", socialImageId: null });
    expect(await latestRevision(created.id)).toMatchObject({ seoTitle: "", description: "", socialImageId: null, version: cleared.version });
    expect(await getArticle(reporter, created.id)).toMatchObject({ seoTitle: "", description: "", socialImage: null });
  });

  it("keeps back a field past its limit, a control character or an unknown image, names it, and stores the rest", async () => {
    const image = await uploadImage(reporter, await photo(30));
    const story = await createDraft(reporter, { headline: unique("Bridge"), seoTitle: "Bridge title", description: "Bridge description.", socialImage: image.id });
    const saved = await saveDraft(reporter, {
      articleId: story.id,
      version: story.version,
      headline: "Bridge closes for a month",
      seoTitle: "x".repeat(121),
      description: "y".repeat(301),
      socialImage: "no-such-media",
    });
    expect(saved.invalid).toEqual([
      { field: "seoTitle", message: "SEO title: must be at most 120 characters (it has 121)." },
      { field: "description", message: "Description: must be at most 300 characters (it has 301)." },
      { field: "socialImage", message: "Social image: no such uploaded image; upload it first." },
    ]);
    expect(await row(story.id)).toMatchObject({ headline: "Bridge closes for a month", seoTitle: "Bridge title", description: "Bridge description.", socialImageId: image.id, version: story.version + 1 });

    // Exactly the limit is taken; a NUL is kept back, not a 500.
    const atLimit = await saveDraft(reporter, { articleId: story.id, version: saved.version, seoTitle: "t".repeat(120), description: "Fine.\u0000" });
    expect(atLimit.invalid.map((entry) => entry.field)).toEqual(["description"]);
    expect(await row(story.id)).toMatchObject({ seoTitle: "t".repeat(120), description: "Bridge description." });

    // Only kept-back fields: nothing is stored, the version stays.
    const nothing = await saveDraft(reporter, { articleId: story.id, version: atLimit.version, socialImage: { mediaId: "no-such-media" } });
    expect(nothing.version).toBe(atLimit.version);
    expect(nothing.invalid.map((entry) => entry.field)).toEqual(["socialImage"]);
  });

  it("refuses a request of the wrong shape whole", async () => {
    const story = await createDraft(reporter, { headline: unique("Shape") });
    for (const bad of [{ seoTitle: 5 }, { socialImage: 5 }, { socialImage: { mediaId: "x", alt: "y" } }, { socialImage: "" }]) {
      expect(await codeOf(saveDraft(reporter, { articleId: story.id, version: story.version, ...bad }))).toMatch(/^VALIDATION: /);
    }
    expect((await row(story.id)).version).toBe(story.version);
  });
});

describe("the editor's picker of uploads", () => {
  it("lists the newest uploads first, as served variants, to staff only", async () => {
    const older = await uploadImage(reporter, await photo(90));
    const newer = await uploadImage(editor, await photo(100));
    const { media } = await recentMedia(reporter, { limit: "2" });
    expect(media.map((item) => item.id)).toEqual([newer.id, older.id]);
    expect(media[0]).toMatchObject({ width: 1200, height: 630 });
    expect(media[0]!.url).toMatch(/^\/media\/images\/[a-f0-9]{32}\/480\.webp$/);
    expect(await codeOf(recentMedia(SYSTEM, {}))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(recentMedia(reporter, { limit: "1000" }))).toMatch(/^VALIDATION/);
    expect(await codeOf(recentMedia(reporter, { owner: "x" }))).toMatch(/^VALIDATION/);
  });
});

describe("readers get the live revision's search and social fields", () => {
  it("falls back to the headline, standfirst and hero, and shows a change only once it is published", async () => {
    const hero = await uploadImage(reporter, await photo(40));
    const share = await uploadImage(reporter, await photo(50));
    const headline = unique("Council votes");
    const story = await createDraft(reporter, { headline, standfirst: "The vote was close.", body: paragraph("Text."), hero: { mediaId: hero.id, alt: "The chamber", caption: "", credit: "" } });
    const published = await transition(editor, { articleId: story.id, action: "publish", version: story.version });

    // Nothing set: the fallbacks.
    const first = await reader(published.slug);
    expect(first).toMatchObject({ seoTitle: "", description: "", socialImage: null });
    const fallback = searchAndSocial(first);
    expect(fallback).toMatchObject({ title: headline, description: "The vote was close.", image: { alt: "The chamber" } });
    // The 1200×630 share rendition of the hero's 1.91:1 crop.
    expect(fallback.image!.url).toMatch(/^https?:\/\/[^/]+\/media\/images\/[a-f0-9]{32}\/\d+-\d+-\d+-\d+\/share\.jpg$/);
    expect(fallback.image).toMatchObject({ width: 1200, height: 630 });
    expect(fallback.image!.url.endsWith(shareImageOf(first.image!))).toBe(true);

    // Saved on the working copy: an unpublished change; readers still get the live values.
    const saved = await saveDraft(editor, { articleId: story.id, version: published.version, seoTitle: "Council backs the bridge", description: "By one vote.", socialImage: share.id });
    expect(await reader(published.slug)).toMatchObject({ seoTitle: "", description: "", socialImage: null });
    expect(await contentApi(published.slug)).toMatchObject({ seoTitle: "", description: "", socialImage: null });
    expect((await contentList(undefined, undefined, null)).articles.find((article) => article.id === story.id)).toMatchObject({ seoTitle: "", description: "", socialImage: null });
    expect(await getArticle(editor, story.id)).toMatchObject({ hasUnpublishedChanges: true });

    // Published: readers get them.
    await transition(editor, { articleId: story.id, action: "publish_changes", version: saved.version });
    const live = await reader(published.slug);
    expect(live).toMatchObject({ seoTitle: "Council backs the bridge", description: "By one vote.", socialImage: { folder: imageFolder(share.url) } });
    // Partners and share cards get its 1200×630 share rendition.
    const api = await contentApi(published.slug);
    expect(api).toMatchObject({ seoTitle: "Council backs the bridge", description: "By one vote.", socialImage: { src: shareImageOf(live.socialImage!), width: 1200, height: 630 } });
    const own = searchAndSocial(live);
    expect(own).toMatchObject({ title: "Council backs the bridge", description: "By one vote.", image: { width: 1200, height: 630 } });
    expect(own.image!.url.endsWith(shareImageOf(live.socialImage!))).toBe(true);
    // The content API's list carries them too.
    const listed = (await contentList(undefined, undefined, null)).articles.find((article) => article.id === story.id);
    expect(listed).toMatchObject({ seoTitle: "Council backs the bridge", description: "By one vote.", socialImage: api.socialImage });
  });

  it("keeps the share image private until a live revision shows it, and public only while one does", async () => {
    const share = await uploadImage(reporter, await photo(60));
    const variant = keyOf(share.url);
    const story = await createDraft(reporter, { headline: unique("Private share"), body: paragraph("Text."), socialImage: share.id });
    expect(await imageAccess(variant, anonymous)).toBeNull();
    expect(await imageAccess(variant, { viewer: reporter, previewToken: null })).toBe("private");
    // A share link of the story sees its working copy's images, the share image among them.
    const link = await createPreviewLink(reporter, { articleId: story.id });
    expect(await imageAccess(variant, { viewer: null, previewToken: link.url.slice(link.url.lastIndexOf("/") + 1) })).toBe("private");

    const published = await transition(editor, { articleId: story.id, action: "publish", version: story.version });
    expect(await imageAccess(variant, anonymous)).toBe("public");

    // A new share image saved on a live story stays private until the change is published.
    const next = await uploadImage(reporter, await photo(70));
    const saved = await saveDraft(editor, { articleId: story.id, version: published.version, socialImage: next.id });
    expect(await imageAccess(keyOf(next.url), anonymous)).toBeNull();
    const republished = await transition(editor, { articleId: story.id, action: "publish_changes", version: saved.version });
    expect(await imageAccess(keyOf(next.url), anonymous)).toBe("public");
    // The old one is in no live revision any more.
    expect(await imageAccess(variant, anonymous)).toBeNull();

    await transition(editor, { articleId: story.id, action: "unpublish", note: "Taken down.", version: republished.version });
    expect(await imageAccess(keyOf(next.url), anonymous)).toBeNull();
  });
});

describe("history carries the search and social fields", () => {
  it("lists them per revision, and a restore or a discard brings them back", async () => {
    const share = await uploadImage(reporter, await photo(80));
    const story = await createDraft(reporter, { headline: unique("History"), body: paragraph("Text."), seoTitle: "First title", description: "First description.", socialImage: share.id });
    const published = await transition(editor, { articleId: story.id, action: "publish", version: story.version });

    // An unpublished change, discarded: the working copy takes the live values back.
    const changed = await saveDraft(editor, { articleId: story.id, version: published.version, seoTitle: "Second title", description: null, socialImage: null });
    const discarded = await transition(editor, { articleId: story.id, action: "discard_changes", version: changed.version });
    expect(await row(story.id)).toMatchObject({ seoTitle: "First title", description: "First description.", socialImageId: share.id });

    // Changed again and published, then the first revision restored.
    const again = await saveDraft(editor, { articleId: story.id, version: discarded.version, seoTitle: "Third title", socialImage: null });
    await transition(editor, { articleId: story.id, action: "publish_changes", version: again.version });
    const { revisions } = await listRevisions(editor, { articleId: story.id });
    const first = revisions.find((revision) => revision.version === story.version)!;
    expect(first).toMatchObject({ seoTitle: "First title", description: "First description." });
    expect(first.socialImageUrl).toMatch(/^\/media\/images\//);
    expect(revisions[0]).toMatchObject({ seoTitle: "Third title", socialImageUrl: null });

    const restored = await restoreRevision(editor, { articleId: story.id, revisionId: first.id, version: again.version });
    expect(await row(story.id)).toMatchObject({ version: restored.version, seoTitle: "First title", description: "First description.", socialImageId: share.id });
    // Readers keep the live "Third title" until the restore is published.
    expect((await reader((await row(story.id)).slug)).seoTitle).toBe("Third title");
  });
});
