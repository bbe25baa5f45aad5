import { beforeAll, describe, expect, it } from "vitest";
import { createDraft, saveDraft, transition } from "@/lib/articles";
import { db } from "@/lib/db";
import { articleBySlug, neighbourRows, neighboursOf } from "@/lib/reader/article";
import { readerFacts } from "@/lib/reader/cache";
import { inSection, listPage } from "@/lib/reader/read";
import { asViewer, makeUser } from "../support/factories";
import { freshDatabase, type TestDatabase } from "../support/database";

/**
 * The links around a story (previous, next, up to three earlier and later
 * stories of its section) are read in one statement (lib/reader/article.ts),
 * and a change expires exactly those pages (lib/reader/cache.ts). Checked on
 * stories sharing a publication moment, across two sections, with stories
 * that are not live in between.
 */
let database: TestDatabase;
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

interface Story {
  id: string;
  slug: string;
  sectionId: string | null;
}

let live: Story[] = [];
const notLive: string[] = [];

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  const editor = asViewer(await makeUser(database.db, "EDITOR"));
  const sections = await Promise.all(["north", "south"].map((slug) => database.db.section.create({ data: { slug: `${slug}-${Date.now()}`, name: slug } })));
  // Sections A – B A B A A B – A (1 and 8 have none, so no section mates); stories 3, 4 and 5 share one moment (the id
  // breaks the tie); 6 is unpublished, 9 never published.
  const plan = [0, 2, 1, 0, 1, 0, 0, 1, 2, 0];
  const minute = [0, 1, 2, 3, 3, 3, 4, 5, 6, 7];
  const start = Date.UTC(2026, 10, 1, 9, 0, 0);
  for (const [n, section] of plan.entries()) {
    const draft = (await createDraft(editor, { headline: `Neighbour story ${n}`, standfirst: "A standfirst.", sectionId: sections[section]?.id ?? null, body: paragraph(`Story ${n}.`) })) as { id: string; version: number };
    if (n === 9) {
      notLive.push(draft.id);
      continue;
    }
    await transition(editor, { articleId: draft.id, action: "publish", version: draft.version });
    await database.db.article.update({ where: { id: draft.id }, data: { publishedAt: new Date(start + minute[n]! * 60_000) } });
    if (n === 6) {
      await transition(editor, { articleId: draft.id, action: "unpublish", note: "Taken down." });
      notLive.push(draft.id);
    }
  }
  // Readers' order, as the database orders it: publication moment, then id.
  const rows = await database.db.article.findMany({
    where: { liveRevisionId: { not: null } },
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    select: { id: true, liveRevision: { select: { slug: true, sectionId: true } } },
  });
  live = rows.map((row) => ({ id: row.id, slug: row.liveRevision!.slug, sectionId: row.liveRevision!.sectionId }));
});

const around = (index: number) => {
  const story = live[index]!;
  const earlier = live.slice(0, index).reverse();
  const later = live.slice(index + 1);
  const mate = (other: Story) => story.sectionId !== null && other.sectionId === story.sectionId;
  return {
    previous: earlier[0]?.id ?? null,
    next: later[0]?.id ?? null,
    related: earlier.filter(mate).slice(0, 3).map((other) => other.id),
    followers: later.filter(mate).slice(0, 3).map((other) => other.id),
  };
};

describe("a story's neighbours", () => {
  it("are the nearest live stories either side, and of its section, nearest first", async () => {
    expect(live).toHaveLength(8);
    for (const [index, story] of live.entries()) {
      const found = await neighboursOf(db(), story.id);
      expect({ previous: found.previous?.id ?? null, next: found.next?.id ?? null, related: found.related.map((row) => row.id), followers: found.followers.map((row) => row.id) }).toEqual(around(index));
      const page = await articleBySlug(story.slug);
      if (page.kind !== "article") throw new Error(`expected ${story.slug} to be an article`);
      expect(page.previous?.headline).toBe(found.previous?.liveRevision?.headline);
      expect(page.related.map((teaser) => teaser.id)).toEqual(around(index).related);
    }
  });

  it("are the pages a change to the story expires, and a story readers do not have has none", async () => {
    for (const [index, story] of live.entries()) {
      const expected = around(index);
      const ids = [expected.previous, expected.next, ...expected.related, ...expected.followers].filter((id): id is string => id !== null);
      const slugs = [...new Set(ids.map((id) => live.find((other) => other.id === id)!.slug))];
      const facts = await readerFacts(db(), story.id);
      expect(facts).toMatchObject({ id: story.id, slug: story.slug });
      expect([...facts!.neighbourSlugs].sort()).toEqual(slugs.sort());
    }
    for (const id of notLive) {
      expect(await readerFacts(db(), id)).toBeNull();
      expect(await neighboursOf(db(), id)).toEqual({ previous: null, next: null, related: [], followers: [] });
    }
  });

  it("leave out a neighbour unpublished between reading who they are and reading them (a 500 for a page rendered during an unpublish, found by the bench)", async () => {
    const story = live[3]!;
    const [first] = await neighbourRows(db(), story.id);
    const gone = notLive[0]!;
    // The neighbour list as read a moment before `gone` was unpublished.
    const readBefore = { $queryRaw: (async () => [{ place: "previous", id: gone, slug: "was-live" }, first!]) as unknown as ReturnType<typeof db>["$queryRaw"], article: db().article };
    const found = await neighboursOf(readBefore, story.id);
    expect(found.previous?.id).toBe(first!.place === "previous" ? first!.id : undefined);
    expect([found.previous, found.next, ...found.related, ...found.followers].map((row) => row?.id)).not.toContain(gone);
  });
});

describe("a story's section, as readers see it", () => {
  it("is its live version's: a section moved in the working copy moves when the change is published, and a story taken down is in none", async () => {
    const editor = asViewer(await makeUser(database.db, "EDITOR"));
    const [east, west] = await Promise.all(["east", "west"].map((slug) => database.db.section.create({ data: { slug: `${slug}-${Date.now()}`, name: slug } })));
    const liveSection = async (id: string) => (await database.db.article.findUniqueOrThrow({ where: { id }, select: { liveSectionId: true } })).liveSectionId;
    const listed = async (sectionId: string) => (await listPage(inSection(sectionId), 1)).articles.map((teaser) => teaser.id);

    const draft = (await createDraft(editor, { headline: "A story that moves desks", sectionId: east!.id, body: paragraph("Words.") })) as { id: string; version: number };
    expect(await liveSection(draft.id)).toBeNull();
    await transition(editor, { articleId: draft.id, action: "publish", version: draft.version });
    expect(await liveSection(draft.id)).toBe(east!.id);
    expect(await listed(east!.id)).toEqual([draft.id]);

    const moved = await saveDraft(editor, { articleId: draft.id, version: (await database.db.article.findUniqueOrThrow({ where: { id: draft.id } })).version, sectionId: west!.id });
    expect(await liveSection(draft.id)).toBe(east!.id);
    expect(await listed(west!.id)).toEqual([]);
    await transition(editor, { articleId: draft.id, action: "publish_changes", version: moved.version });
    expect(await liveSection(draft.id)).toBe(west!.id);
    expect(await listed(west!.id)).toEqual([draft.id]);
    expect(await listed(east!.id)).toEqual([]);

    // Written alone, the column is overruled: it always says what the live version says.
    await database.db.$executeRaw`UPDATE "Article" SET "liveSectionId" = ${east!.id} WHERE "id" = ${draft.id}`;
    expect(await liveSection(draft.id)).toBe(west!.id);

    await transition(editor, { articleId: draft.id, action: "unpublish", note: "Taken down." });
    expect(await liveSection(draft.id)).toBeNull();
    expect(await listed(west!.id)).toEqual([]);
  });
});
