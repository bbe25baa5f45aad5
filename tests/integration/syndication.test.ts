import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as staffArticles } from "@/app/api/v1/newsroom/articles/route";
import { GET as syndicationRoute } from "@/app/api/v1/syndication/items/route";
import { addCorrection, createDraft, publishDueArticles, saveDraft, transition } from "@/lib/articles";
import { createApiToken, revokeApiToken, tokenViewer } from "@/lib/auth/api-tokens";
import type { StaffViewer } from "@/lib/policy";
import { liftEmbargo } from "@/lib/publishing/lift-embargo";
import { recordArticleEvent } from "@/lib/publishing/outbound";
import { cursorAt } from "@/lib/syndication/cursor";
import { PAGE_SIZE } from "@/lib/syndication/items";
import type { NinjsItem } from "@/lib/syndication/ninjs";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

/**
 * The partners' feed (issue #25 item 4), through its route handler with real
 * tokens, over stories moved by the real services: pages of changes in
 * commit order, each item a ninjs 3.0 document the published IPTC schema
 * accepts.
 */

let database: TestDatabase;
let editor: StaffViewer;
let admin: StaffViewer;
let partnerToken: string;
let section: { id: string; slug: string; name: string };

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/ninjs");
const fixture = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as unknown;

/**
 * The published schema as IPTC's own validation run reads it (draft 2020-12, ajv-formats, their copy of
 * the GeoJSON schema for `places`). Not strict: ajv's strict mode refuses the schema itself
 * (a `required` naming a property defined only in a sibling branch), which says nothing about our items.
 */
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(fixture("GeoJSON-schema.json") as object);
const validateNinjs = ajv.compile(fixture("ninjs-schema_3.0.json") as object);

function expectValidNinjs(item: unknown) {
  const valid = validateNinjs(item);
  expect(validateNinjs.errors ?? [], JSON.stringify(item).slice(0, 300)).toEqual([]);
  expect(valid).toBe(true);
}

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  editor = asViewer(await makeUser(database.db, "EDITOR"));
  admin = asViewer(await makeUser(database.db, "ADMIN"));
  const slug = `harbour-${Date.now()}`;
  section = await database.db.section.create({ data: { slug, name: "Harbour" }, select: { id: true, slug: true, name: true } });
  // The scope is read in any letter case, as the other scopes are.
  partnerToken = (await createApiToken(admin, { name: "Partner wire", scope: "syndication" })).token;
});

interface Page {
  items: NinjsItem[];
  next: string;
}

async function call(since: string | null, token: string | null = partnerToken): Promise<Response> {
  const url = new URL("http://localhost/api/v1/syndication/items");
  if (since !== null) url.searchParams.set("since", since);
  return syndicationRoute(new Request(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }));
}

async function page(since: string | null): Promise<Page> {
  const response = await call(since);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get("cache-control")).toContain("no-store");
  const body = (await response.json()) as Page;
  for (const item of body.items) expectValidNinjs(item);
  return body;
}

/** Every page from `since` to the end; the cursor of the end. */
async function drain(since: string | null): Promise<{ pages: Page[]; end: string }> {
  const pages: Page[] = [];
  let cursor = since;
  for (;;) {
    const next = await page(cursor);
    if (next.items.length === 0) return { pages, end: next.next };
    pages.push(next);
    cursor = next.next;
  }
}

let counter = 0;

async function image() {
  const hash = crypto.randomUUID().replace(/-/g, "");
  return database.db.media.create({ data: { storageKey: `images/${hash}/original.jpeg`, mimeType: "image/jpeg", width: 1600, height: 900, byteSize: 1, widths: [480, 960, 1600] } });
}

/** The site path of the hero's 1600 px variant, which the story's body shows as a figure too. */
const heroPath = (item: NinjsItem) => new URL(item.associations![0]!.renditions!.at(-1)!.href).pathname;

async function story(label: string) {
  const hero = await image();
  const figureSrc = `/media/${hero.storageKey.replace(/original\.jpeg$/, "1600.webp")}`;
  const created = await createDraft(editor, {
    headline: `${label} ${++counter}`,
    standfirst: `The standfirst of ${label}.`,
    body: {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Read " }, { type: "text", text: "the plan", marks: [{ type: "link", attrs: { href: "/sections/harbour" } }] }, { type: "text", text: " & more." }] },
        { type: "figure", attrs: { src: figureSrc, alt: "Gulls over the pier.", caption: "Gulls.", credit: "Al Photo" } },
      ],
    },
    sectionId: section.id,
    tags: ["Ferries", "Harbour works"],
    hero: { mediaId: hero.id, alt: "A ferry at the pier.", caption: "The ferry at dawn.", credit: "Jo Lens" },
  });
  expect(created.invalid).toEqual([]);
  return created;
}

const publish = async (id: string) => {
  const { version } = await database.db.article.findUniqueOrThrow({ where: { id } });
  return transition(editor, { articleId: id, action: "publish", version });
};
const uri = (id: string) => `urn:copydesk:article:${id}`;

describe("the syndication feed pages through changes in commit order", () => {
  it("publish, change, correct, unpublish: each page says what changed since the cursor, a takedown as canceled", async () => {
    const start = await page(null);
    // Nothing happened yet in this database: an empty page stays at the beginning.
    expect(start).toEqual({ items: [], next: cursorAt(0n) });

    const a = await story("Ferry timetable");
    await publish(a.id);
    const first = await page(start.next);
    expect(first.items).toHaveLength(1);
    const published = first.items[0]!;
    expect(published).toMatchObject({
      uri: uri(a.id),
      type: "text",
      pubStatus: "usable",
      representationType: "full",
      version: String(a.version),
      language: "en",
      standard: { name: "ninjs", version: "3.0" },
      headlines: [{ role: "main", value: `Ferry timetable ${counter}` }],
      descriptions: [{ role: "summary", value: "The standfirst of Ferry timetable." }],
      subjects: [
        { name: "Harbour", rel: "section", literal: section.slug },
        { name: "Ferries", rel: "tag", literal: "ferries" },
        { name: "Harbour works", rel: "tag", literal: "harbour-works" },
      ],
    });
    expect(published.embargoedUntil).toBeUndefined();
    expect(published.firstCreated).toBe(published.versionCreated);
    // The body is the reader's HTML, escaped, with site paths made absolute for someone else's page.
    expect(published.bodies![0]).toMatchObject({ role: "main", contentType: "text/html", wordCount: 4 });
    expect(published.bodies![0]!.value).toBe(
      `<p>Read <a rel="noopener noreferrer" href="http://localhost:3000/sections/harbour">the plan</a> &amp; more.</p>` +
        `<figure data-figure=""><img src="http://localhost:3000${heroPath(published)}" alt="Gulls over the pier." loading="lazy"/><figcaption>Gulls. (Photo: Al Photo)</figcaption></figure>`,
    );
    expect(published.renditions).toEqual([expect.objectContaining({ name: "web", contentType: "text/html", href: `http://localhost:3000/articles/${a.slug}` })]);
    const hero = published.associations![0]!;
    expect(hero).toMatchObject({ name: "hero", rel: "hero", type: "picture", by: "Jo Lens", descriptions: [{ role: "caption", value: "The ferry at dawn." }, { role: "alt", value: "A ferry at the pier." }] });
    expect(hero.renditions!.map((rendition) => [rendition.width, rendition.height, rendition.contentType])).toEqual([[480, 270, "image/webp"], [960, 540, "image/webp"], [1600, 900, "image/webp"]]);
    expect(hero.renditions![0]!.href).toMatch(/^http:\/\/localhost:3000\/media\/images\/[a-f0-9]{32}\/480\.webp$/);

    // Nothing since: an empty page, and the cursor stays where it was.
    expect(await page(first.next)).toEqual({ items: [], next: first.next });

    // A change: the new version, the same story.
    const current = await database.db.article.findUniqueOrThrow({ where: { id: a.id } });
    const saved = await saveDraft(editor, { articleId: a.id, version: current.version, headline: "Ferry timetable changes on Monday" });
    await transition(editor, { articleId: a.id, action: "publish_changes", version: saved.version });
    const changed = await page(first.next);
    expect(changed.items).toHaveLength(1);
    expect(changed.items[0]).toMatchObject({ uri: uri(a.id), pubStatus: "usable", version: String(saved.version), headlines: [{ role: "main", value: "Ferry timetable changes on Monday" }] });
    expect(changed.items[0]!.firstCreated).toBe(published.firstCreated);
    expect(Date.parse(changed.items[0]!.versionCreated!)).toBeGreaterThanOrEqual(Date.parse(published.versionCreated!));

    // A correction: a description in the role of its kind.
    await addCorrection(editor, { articleId: a.id, kind: "correction", note: "An earlier version gave the wrong pier." });
    const corrected = await page(changed.next);
    expect(corrected.items).toHaveLength(1);
    expect(corrected.items[0]!.descriptions).toEqual([
      { role: "summary", contentType: "text/plain", value: "The standfirst of Ferry timetable." },
      { role: "correction", contentType: "text/plain", value: "An earlier version gave the wrong pier." },
    ]);

    // A takedown: canceled, and not a word of the story with it.
    await transition(editor, { articleId: a.id, action: "unpublish", note: "Legal asked us to take it down." });
    const takenDown = await page(corrected.next);
    expect(takenDown.items).toEqual([
      {
        uri: uri(a.id),
        type: "text",
        standard: expect.any(Object),
        representationType: "partial",
        version: String(saved.version),
        pubStatus: "canceled",
        firstCreated: published.firstCreated,
        versionCreated: expect.any(String),
        language: "en",
        altIds: [{ role: "articleId", value: a.id }, { role: "eventId", value: expect.any(String) }],
      },
    ]);
    expect(JSON.stringify(takenDown)).not.toContain("Ferry");

    // From the beginning, one item per story per page, in its state now: the takedown.
    const all = await page(null);
    expect(all.items.map((item) => [item.uri, item.pubStatus])).toEqual([[uri(a.id), "canceled"]]);
    expect(all.next).toBe(takenDown.next);
  });

  it("an archived story partners had is canceled too; one they never had is not mentioned", async () => {
    const from = (await drain(null)).end;
    const f = await story("Pier closure");
    await publish(f.id);
    const never = await story("Never out");
    await transition(editor, { articleId: never.id, action: "archive" });
    await transition(editor, { articleId: f.id, action: "archive" });
    const { pages } = await drain(from);
    expect(pages.flatMap((each) => each.items).map((item) => [item.uri, item.pubStatus])).toEqual([[uri(f.id), "canceled"]]);
  });

  it(`pages hold ${PAGE_SIZE} changes, one item per story each, and every change is reached exactly once`, async () => {
    const before = (await drain(null)).end;
    const b = await story("Bridge works");
    const c = await story("Crane strike");
    await publish(b.id);
    await publish(c.id);
    // Fixture: many more changes than a page holds, interleaved between the two stories (as recordArticleEvent writes them in each move).
    const extra = PAGE_SIZE + 10;
    await database.db.$transaction(async (tx) => {
      for (let n = 0; n < extra; n++) {
        const which = n % 3 === 0 ? c : b;
        await recordArticleEvent(tx, "changes_published", { id: which.id, slug: which.slug, version: which.version }, new Date());
      }
    });
    const { pages, end } = await drain(before);
    expect(pages).toHaveLength(2);
    for (const each of pages) {
      const uris = each.items.map((item) => item.uri);
      expect(new Set(uris).size).toBe(uris.length);
      expect(uris.sort()).toEqual([uri(b.id), uri(c.id)].sort());
    }
    // The cursor of the end is the last event; asking again from it is empty, and stays there.
    const last = await database.db.outboundEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(end).toBe(cursorAt(last.seq));
    expect(await page(end)).toEqual({ items: [], next: end });
    // Ordered by where each story last changed on the page: the last event (n = extra - 1) is b's.
    expect(pages[1]!.items.at(-1)!.uri).toBe(uri(b.id));
  });
});

describe("embargoed stories reach partners early, marked as such, and never as the working copy", () => {
  it("a story published under an embargo is scheduled and appears usable with embargoedUntil; withdrawn, it is withheld", async () => {
    const from = (await drain(null)).end;
    const d = await story("Budget figures");
    const until = new Date(Date.now() + 3 * 60 * 60 * 1000);
    await saveDraft(editor, { articleId: d.id, embargoUntil: until.toISOString() });
    await publish(d.id);
    const scheduled = await database.db.article.findUniqueOrThrow({ where: { id: d.id } });
    expect(scheduled.status).toBe("SCHEDULED");
    expect(scheduled.liveRevisionId).toBeNull();

    // The working copy moves on after the schedule: partners still get the scheduled revision.
    await database.db.article.update({ where: { id: d.id }, data: { headline: "WORKING COPY: not for partners", standfirst: "WORKING COPY" } });

    const embargoed = await page(from);
    expect(embargoed.items).toHaveLength(1);
    const item = embargoed.items[0]!;
    expect(item).toMatchObject({ uri: uri(d.id), pubStatus: "usable", embargoedUntil: until.toISOString(), headlines: [{ role: "main", value: `Budget figures ${counter}` }] });
    // No page readers could open yet.
    expect(item.renditions).toBeUndefined();
    expect(JSON.stringify(item)).not.toContain("WORKING COPY");

    await transition(editor, { articleId: d.id, action: "unschedule" });
    const withdrawn = await page(embargoed.next);
    expect(withdrawn.items).toEqual([expect.objectContaining({ uri: uri(d.id), pubStatus: "withheld", representationType: "partial" })]);
    expect(withdrawn.items[0]!.headlines).toBeUndefined();
    expect(withdrawn.items[0]!.bodies).toBeUndefined();
  });

  it("lifted early, the scheduled copy is usable and no longer marked; at its time it goes live and is the live copy", async () => {
    const from = (await drain(null)).end;
    const e = await story("Rate decision");
    const until = new Date(Date.now() + 60 * 60 * 1000);
    await saveDraft(editor, { articleId: e.id, embargoUntil: until.toISOString() });
    await publish(e.id);
    const held = await page(from);
    expect(held.items[0]).toMatchObject({ uri: uri(e.id), pubStatus: "usable", embargoedUntil: until.toISOString() });

    await liftEmbargo(editor, { articleId: e.id, reason: "The bank announced early." });
    const lifted = await page(held.next);
    expect(lifted.items).toHaveLength(1);
    expect(lifted.items[0]).toMatchObject({ uri: uri(e.id), pubStatus: "usable", headlines: [{ role: "main", value: `Rate decision ${counter}` }] });
    expect(lifted.items[0]!.embargoedUntil).toBeUndefined();

    // The scheduler's run at the scheduled time (the embargo's end, which stays the schedule after a lift).
    expect(await publishDueArticles(new Date(until.getTime() + 1_000))).toContain(e.id);
    const live = await page(lifted.next);
    expect(live.items[0]).toMatchObject({ uri: uri(e.id), pubStatus: "usable", renditions: [expect.objectContaining({ name: "web" })] });
    expect(live.items[0]!.embargoedUntil).toBeUndefined();
  });
});

describe("the validator itself", () => {
  it("accepts IPTC's own ninjs 3.0 example and refuses what the schema does not allow (so a pass means something)", () => {
    expectValidNinjs(fixture("example-tt_text_image_3.json"));
    expect(validateNinjs({ uri: "urn:copydesk:article:x", pubstatus: "usable" })).toBe(false); // ninjs 1.x/2.x spelling
    expect(validateNinjs({ uri: "urn:copydesk:article:x", pubStatus: "gone" })).toBe(false);
    expect(validateNinjs({ uri: "urn:copydesk:article:x", embargoedUntil: "tomorrow" })).toBe(false);
    expect(validateNinjs({ uri: "urn:copydesk:article:x", associations: [{ uri: "urn:x" }] })).toBe(false); // an association needs a name
  });
});

describe("a cursor that is not ours is a clear 400, and nothing changes", () => {
  // Made inside the test: a cursor is signed with the app's secret, read once the database is set up.
  const one = () => cursorAt(1n);
  it.each([
    ["malformed", () => "abc"],
    ["empty", () => ""],
    ["the wrong prefix", () => one().replace(/^sc1_/, "sc2_")],
    ["a tampered number", () => one().replace(/^sc1_1_/, "sc1_2_")],
    ["a tampered signature", () => one().replace(/.$/, (c) => (c === "A" ? "B" : "A"))],
    ["negative", () => one().replace(/^sc1_1_/, "sc1_-1_")],
    ["leading zeros", () => one().replace(/^sc1_1_/, "sc1_01_")],
    ["huge", () => one().replace(/^sc1_1_/, `sc1_${"9".repeat(40)}_`)],
    ["past PostgreSQL's bigint", () => one().replace(/^sc1_1_/, "sc1_9223372036854775808_")],
    ["the content API's cursor", () => Buffer.from(`${new Date().toISOString()}|abc`).toString("base64url")],
    ["a bare number", () => "5"],
  ])("%s", async (_label, cursor) => {
    const events = await database.db.outboundEvent.count();
    const response = await call(cursor());
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "validation", field: "since", message: expect.stringContaining("not a cursor this feed gave out") } });
    expect(await database.db.outboundEvent.count()).toBe(events);
  });
});

describe("a syndication token opens the feed and nothing else; no other key opens the feed", () => {
  it("READ and INGEST tokens are 403 on the feed; no token is 401; a revoked token is 401", async () => {
    for (const scope of ["READ", "INGEST"] as const) {
      const { token } = await createApiToken(admin, { name: `Other ${scope}`, scope });
      const response = await call(null, token);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    }
    expect((await call(null, null)).status).toBe(401);
    const { token, apiToken } = await createApiToken(admin, { name: "Former partner", scope: "SYNDICATION" });
    expect((await call(null, token)).status).toBe(200);
    await revokeApiToken(admin, apiToken.id);
    expect((await call(null, token)).status).toBe(401);
  });

  it("a syndication token on the staff API is 403, and its user holds the least role", async () => {
    const response = await staffArticles(new Request("http://localhost/api/v1/newsroom/articles", { headers: { authorization: `Bearer ${partnerToken}` } }), { params: Promise.resolve({}) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("syndication") } });
    const { viewer, scope } = await tokenViewer(partnerToken);
    expect(scope).toBe("SYNDICATION");
    expect(viewer).toMatchObject({ role: "REPORTER", machine: true });
  });

  it("the service refuses any caller but a syndication token, whatever route calls it", async () => {
    const { syndicationItems } = await import("@/lib/syndication/items");
    await expect(syndicationItems({ scope: "READ" }, { since: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
