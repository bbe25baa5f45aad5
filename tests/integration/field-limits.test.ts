import { beforeAll, describe, expect, it } from "vitest";
import { createDraft, saveDraft, transition } from "@/lib/articles";
import { FIELD_LIMITS } from "@/lib/content/limits";
import { AppError } from "@/lib/errors";
import type { StaffViewer } from "@/lib/policy";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

/*
 * Issue #23, point 1: one bad field no longer blocks the whole story. A save
 * (and the first save of a new story) stores every field that passes its
 * own rule and names the others in `invalid`, keeping their stored values;
 * the request's shape, the policy and the compare-and-set stay as strict.
 */

let database: TestDatabase;
let reporter: StaffViewer;
let otherReporter: StaffViewer;

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER"));
  otherReporter = asViewer(await makeUser(database.db, "REPORTER"));
});

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const figure = (attrs: Record<string, string>) => ({ type: "doc", content: [{ type: "figure", attrs: { src: "", alt: "", caption: "", credit: "", ...attrs } }, { type: "paragraph", content: [{ type: "text", text: "Under the photo." }] }] });
let counter = 0;
const unique = (label: string) => `${label} ${++counter} ${Date.now()}`;
/** A headline as long as the one in the issue: 288 characters of words. */
const longHeadline = (label: string) => `${`${label} `.padEnd(287, "and the council said more ")}.`;
const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? `${error.code}: ${error.message}` : String(error)));
const row = (id: string) => database.db.article.findUniqueOrThrow({ where: { id }, include: { tags: { include: { tag: true } } } });
const revisions = (id: string) => database.db.revision.findMany({ where: { articleId: id }, orderBy: { version: "asc" } });

async function draft(fields: Record<string, unknown> = {}) {
  return createDraft(reporter, { headline: unique("Story"), standfirst: "A standfirst.", body: paragraph("First text."), ...fields });
}

async function image() {
  const hash = crypto.randomUUID().replace(/-/g, "");
  return database.db.media.create({ data: { storageKey: `images/${hash}/original.jpeg`, mimeType: "image/jpeg", width: 800, height: 600, byteSize: 1, widths: [480] } });
}

describe("a save keeps every valid field and names the bad one", () => {
  it("stores the body of a save whose headline is 288 characters, keeps the stored headline, and says why", async () => {
    const { id, version } = await draft();
    const before = await row(id);
    const headline = longHeadline("Bridge");
    const saved = await saveDraft(reporter, { articleId: id, version, headline, body: paragraph("The body reaches the server.") });
    expect(saved.invalid).toEqual([{ field: "headline", message: "Headline: must be at most 200 characters (it has 288)." }]);
    expect(saved.version).toBe(version + 1);
    const after = await row(id);
    expect(after.headline).toBe(before.headline);
    expect(after.body).toEqual(paragraph("The body reaches the server."));
    // The revision holds what was stored, nothing of the kept-back headline.
    expect((await revisions(id)).at(-1)).toMatchObject({ version: version + 1, headline: before.headline, body: paragraph("The body reaches the server.") });
  });

  it("takes a headline of exactly the limit, and counts what is left after trimming", async () => {
    const { id, version } = await draft();
    const exact = "h".repeat(FIELD_LIMITS.headline);
    const saved = await saveDraft(reporter, { articleId: id, version, headline: `  ${exact}  ` });
    expect(saved.invalid).toEqual([]);
    expect((await row(id)).headline).toBe(exact);
    expect((await saveDraft(reporter, { articleId: id, version: saved.version, headline: `${exact}h` })).invalid).toEqual([
      { field: "headline", message: "Headline: must be at most 200 characters (it has 201)." },
    ]);
  });

  it.each([
    ["standfirst", { standfirst: "s".repeat(601) }, "Standfirst: must be at most 600 characters (it has 601)."],
    ["slug", { slug: `a${"-b".repeat(45)}` }, "Slug: must be at most 80 characters (it has 91)."],
    ["slug", { slug: "Not A Slug" }, "Slug: may hold only lowercase letters, digits and hyphens."],
    ["tags", { tags: Array.from({ length: 21 }, (_, i) => `tag ${i}`) }, "Tags: at most 20 tags (there are 21)."],
    ["tags", { tags: ["ok", "t".repeat(61)] }, "Tags: a tag must be at most 60 characters (it has 61)."],
    ["standfirst", { standfirst: "Storm\u0008 warning" }, "Standfirst: holds the control character U+0008; remove it."],
    ["body", { body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] } }, /^Body: this link is not allowed/],
  ])("keeps back a bad %s and stores the headline sent with it", async (field, bad, message) => {
    const { id, version } = await draft();
    const before = await row(id);
    const headline = unique("Saved alongside");
    const saved = await saveDraft(reporter, { articleId: id, version, headline, ...bad });
    expect(saved.invalid).toEqual([{ field, message: typeof message === "string" ? message : expect.stringMatching(message) }]);
    const after = await row(id);
    expect(after.headline).toBe(headline);
    expect({ standfirst: after.standfirst, slug: after.slug, body: after.body, tags: after.tags.length }).toEqual({ standfirst: before.standfirst, slug: before.slug, body: before.body, tags: before.tags.length });
  });

  it.each([
    ["caption", 601, "Body: a photo's caption must be at most 600 characters (it has 601). The rest of the body is saved."],
    ["alt", 301, "Body: a photo's alt text must be at most 300 characters (it has 301). The rest of the body is saved."],
    ["credit", 201, "Body: a photo's credit must be at most 200 characters (it has 201). The rest of the body is saved."],
  ])("keeps back a photo's %s past its limit, not the body around it", async (key, length, message) => {
    const { id, version } = await draft();
    const saved = await saveDraft(reporter, { articleId: id, version, body: figure({ [key]: "x".repeat(length), credit: key === "credit" ? "x".repeat(length) : "Jo Lens" }) });
    expect(saved.invalid).toEqual([{ field: "body", message }]);
    expect((await row(id)).body).toEqual(figure({ [key]: "", credit: key === "credit" ? "" : "Jo Lens" }));
  });

  it("keeps back a hero text past its limit: the stored text stays for the same image, a new image gets none", async () => {
    const first = await image();
    const { id, version } = await draft({ hero: { mediaId: first.id, alt: "A ferry at the pier.", caption: "The ferry.", credit: "Jo Lens" } });
    const saved = await saveDraft(reporter, { articleId: id, version, hero: { mediaId: first.id, alt: "a".repeat(301), caption: "A new caption.", credit: "c".repeat(201) } });
    expect(saved.invalid).toEqual([
      { field: "hero.alt", message: "Hero image alt text: must be at most 300 characters (it has 301)." },
      { field: "hero.credit", message: "Hero image credit: must be at most 200 characters (it has 201)." },
    ]);
    expect(await row(id)).toMatchObject({ heroImageId: first.id, heroAlt: "A ferry at the pier.", heroCaption: "A new caption.", heroCredit: "Jo Lens" });

    const second = await image();
    const next = await saveDraft(reporter, { articleId: id, version: saved.version, hero: { mediaId: second.id, alt: "a".repeat(301), caption: "c".repeat(601), credit: "Al Photo" } });
    expect(next.invalid.map((entry) => entry.field)).toEqual(["hero.alt", "hero.caption"]);
    expect(await row(id)).toMatchObject({ heroImageId: second.id, heroAlt: "", heroCaption: "", heroCredit: "Al Photo" });
  });

  it("keeps back a slug another story has, and stores the rest", async () => {
    const taken = await draft();
    const { id, version, slug } = await draft();
    const saved = await saveDraft(reporter, { articleId: id, version, slug: taken.slug, body: paragraph("Still saved.") });
    expect(saved).toMatchObject({ slug, version: version + 1, invalid: [{ field: "slug", message: `Slug: "${taken.slug}" is already taken by another story; choose another.` }] });
    expect((await row(id)).body).toEqual(paragraph("Still saved."));
  });
});

describe("when nothing sent is valid", () => {
  it("stores nothing and keeps the version, but names every field", async () => {
    const { id, version } = await draft();
    const before = await row(id);
    const history = await revisions(id);
    const saved = await saveDraft(reporter, { articleId: id, version, headline: longHeadline("All"), standfirst: "s".repeat(700) });
    expect(saved).toMatchObject({ version, invalid: [{ field: "headline" }, { field: "standfirst" }] });
    expect(await row(id)).toEqual(before);
    expect(await revisions(id)).toEqual(history);
  });

  it("still compares the version: a stale copy hears of the clash", async () => {
    const { id, version } = await draft();
    await saveDraft(reporter, { articleId: id, version, headline: unique("Moved on") });
    expect(await codeOf(saveDraft(reporter, { articleId: id, version, headline: longHeadline("Stale") }))).toMatch(/^CONFLICT: /);
  });
});

describe("the first save of a new story", () => {
  it("creates the story with its body when the pasted headline is 288 characters, naming the headline", async () => {
    const headline = longHeadline("Ferry");
    const created = await createDraft(reporter, { headline, body: paragraph("The body of a new story.") });
    expect(created.invalid).toEqual([{ field: "headline", message: "Headline: must be at most 200 characters (it has 288)." }]);
    const stored = await row(created.id);
    expect(stored).toMatchObject({ headline: "", body: paragraph("The body of a new story."), version: 1, status: "DRAFT" });
    // The address still comes from the headline the person meant.
    expect(stored.slug).toMatch(/^ferry-and-the-council-said/);
    expect(await revisions(created.id)).toHaveLength(1);
  });

  it("takes the placeholder address when the slug is taken, naming the slug", async () => {
    const taken = await draft();
    const created = await createDraft(reporter, { headline: unique("Another"), slug: taken.slug, body: paragraph("Kept.") });
    expect(created.invalid).toEqual([{ field: "slug", message: `Slug: "${taken.slug}" is already taken by another story; choose another.` }]);
    expect(created.slug).toMatch(/^untitled-[0-9a-f]{8}$/);
    expect((await row(created.id)).body).toEqual(paragraph("Kept."));
  });
});

describe("what is still refused whole", () => {
  it.each([
    ["an unknown key", { status: "PUBLISHED" }, /^VALIDATION: Unknown field: status\.$/],
    ["a wrong type", { headline: 5 }, /^VALIDATION: headline: /],
    ["a body that is not a document", { body: "<p>hi</p>" }, /^VALIDATION: body: must be an editor document/],
    ["a NUL in the hero's image id", { hero: { mediaId: "a\u0000b", alt: "", caption: "", credit: "" } }, /^VALIDATION: hero\.mediaId: holds the control character U\+0000/],
  ])("%s, with nothing stored", async (_name, fields, error) => {
    const { id, version } = await draft();
    const before = await row(id);
    expect(await codeOf(saveDraft(reporter, { articleId: id, version, headline: "Not stored", ...fields }))).toMatch(error);
    expect(await row(id)).toEqual(before);
  });

  it("a save with no version, and a save of a story the person may not edit, as before", async () => {
    const { id, version } = await draft();
    expect(await codeOf(saveDraft(reporter, { articleId: id, headline: longHeadline("No version") }))).toMatch(/^VALIDATION: version: /);
    expect(await codeOf(saveDraft(otherReporter, { articleId: id, version, headline: longHeadline("Not mine") }))).toMatch(/^NOT_FOUND: /);
    await transition(reporter, { articleId: id, action: "submit" });
    const before = await row(id);
    expect(await codeOf(saveDraft(reporter, { articleId: id, version: before.version, headline: longHeadline("In review"), body: paragraph("Sneaky.") }))).toMatch(/^FORBIDDEN: /);
    expect(await row(id)).toEqual(before);
  });
});
