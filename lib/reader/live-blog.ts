import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { coverageOf, type Coverage } from "@/lib/live/coverage-state";
import { entryName } from "@/lib/live/entry-name";
import { cached, LIVE } from "@/lib/reader/read";
import { slugTag } from "@/lib/reader/tags";

/**
 * What readers get of live coverage besides its opening (lib/reader/article.ts):
 * its posted entries, and only those of a live blog readers have. Pages of
 * entries are keyset, named by the entry they start at, so a page's address
 * never shifts as new entries arrive. Everything is tagged with the story's
 * slug: an entry change expires exactly the live blog's own surfaces.
 */
export const ENTRIES_PAGE_SIZE = 20;
/** How many of the newest entries the updates address lists for open pages to compare with. */
export const UPDATES_WINDOW = 50;

export interface ReaderEntry {
  id: string;
  title: string;
  body: unknown;
  keyEvent: boolean;
  pinned: boolean;
  postedAt: string;
  /** the last change of its words, shown as "Updated HH:MM" */
  updatedAt: string | null;
  version: number;
  authors: { name: string }[];
}

export interface EntryPage {
  entries: ReaderEntry[];
  /** the entry the next (older) page starts at */
  olderFrom: string | null;
}

const POSTED = { status: "POSTED" } as const satisfies Prisma.LiveEntryWhereInput;
const NEWEST_FIRST = [{ postedAt: "desc" }, { id: "desc" }] satisfies Prisma.LiveEntryOrderByWithRelationInput[];
const entrySelect = { id: true, title: true, body: true, keyEvent: true, pinned: true, postedAt: true, editedAt: true, version: true, authorIds: true } as const;
type EntryRow = Prisma.LiveEntryGetPayload<{ select: typeof entrySelect }>;

async function toReaderEntries(rows: EntryRow[]): Promise<ReaderEntry[]> {
  const ids = [...new Set(rows.flatMap((row) => row.authorIds))];
  const people = ids.length > 0 ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(people.map((person) => [person.id, person.name]));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    body: row.body,
    keyEvent: row.keyEvent,
    pinned: row.pinned,
    postedAt: row.postedAt!.toISOString(),
    updatedAt: row.editedAt?.toISOString() ?? null,
    version: row.version,
    authors: row.authorIds.flatMap((id) => (names.has(id) ? [{ name: names.get(id)! }] : [])),
  }));
}

/** How readers see an entry named: a key event's line, a feed item's title. */
export const entryHeadline = (entry: { title: string; body: unknown }) => entryName(entry, { maxChars: 90, photo: "Photo" });

/** Entry ids are cuids: what an address or a cursor naming an entry may hold. */
export const ENTRY_ID = /^[a-z0-9]{1,64}$/;

/** The live blog readers have at this address, or null (a story, or nothing live here). */
const liveBlogAt = (slug: string) =>
  db().article.findFirst({ where: { AND: [LIVE, { kind: "LIVE" }, { liveRevision: { is: { slug } } }] }, select: { id: true, kind: true, publishedAt: true, coverageEndedAt: true, liveRevisionId: true } });

/**
 * One page of posted entries, newest first, from `from` (an entry id) on, or
 * from the newest; `withPinned: false` leaves the pinned entry out (the page
 * shows it above the stream). null when `from` is not a posted entry of it.
 */
async function entryPage(articleId: string, from: string | undefined, withPinned: boolean): Promise<EntryPage | null> {
  const where: Prisma.LiveEntryWhereInput[] = [{ articleId }, POSTED, ...(withPinned ? [] : [{ pinned: false }])];
  if (from) {
    const start = await db().liveEntry.findFirst({ where: { AND: [...where, { id: from }] }, select: { postedAt: true } });
    if (!start) return null;
    where.push({ OR: [{ postedAt: { lt: start.postedAt! } }, { postedAt: start.postedAt!, id: { lte: from } }] });
  }
  const rows = await db().liveEntry.findMany({ where: { AND: where }, orderBy: NEWEST_FIRST, take: ENTRIES_PAGE_SIZE + 1, select: entrySelect });
  return { entries: await toReaderEntries(rows.slice(0, ENTRIES_PAGE_SIZE)), olderFrom: rows[ENTRIES_PAGE_SIZE]?.id ?? null };
}

export interface LiveBlogView extends EntryPage {
  coverage: Coverage;
  pinned: ReaderEntry | null;
  /** every key event, newest first, with the page it is on (null: this page) */
  keyEvents: { id: string; headline: string; postedAt: string; page: string | null }[];
  /** what the updates address says of the pinned entry and the key events, to compare with */
  marks: { pinned: string; keyEvents: string };
}

/** The live blog's page of entries: the pinned entry and the key events above the stream on every page. */
export const liveBlogView = cached(
  "live-blog",
  async (slug: string, from: string | undefined): Promise<LiveBlogView | null> => {
    const blog = await liveBlogAt(slug);
    if (!blog) return null;
    const [page, pinnedRows, keyRows] = await Promise.all([
      entryPage(blog.id, from, false),
      db().liveEntry.findMany({ where: { articleId: blog.id, ...POSTED, pinned: true }, take: 1, select: entrySelect }),
      db().liveEntry.findMany({ where: { articleId: blog.id, ...POSTED, keyEvent: true }, orderBy: NEWEST_FIRST, take: 50, select: { id: true, title: true, body: true, postedAt: true, version: true } }),
    ]);
    if (!page) return null;
    const [pinned] = await toReaderEntries(pinnedRows);
    const shown = new Set([...page.entries.map((entry) => entry.id), ...(pinned ? [pinned.id] : [])]);
    return {
      ...page,
      coverage: coverageOf(blog)!,
      pinned: pinned ?? null,
      keyEvents: keyRows.map((row) => ({ id: row.id, headline: entryHeadline(row), postedAt: row.postedAt!.toISOString(), page: shown.has(row.id) ? null : row.id })),
      marks: { pinned: pinned ? versionMark([pinned]) : "", keyEvents: versionMark(keyRows) },
    };
  },
  (slug) => [slugTag(slug)],
);

/** For the content API: entries newest first, the pinned one in its place (flagged), paged by entry id. */
export const liveBlogEntries = cached(
  "live-entries",
  async (slug: string, from: string | undefined): Promise<EntryPage | null> => {
    const blog = await liveBlogAt(slug);
    return blog && entryPage(blog.id, from, true);
  },
  (slug) => [slugTag(slug)],
);

/**
 * What an open page polls: the coverage, and the newest entries' ids and
 * versions (no bodies — a page that finds a difference fetches the page
 * itself, rendered once by the same code). Small enough for the tier to
 * serve a hundred thousand readers.
 */
export interface LiveUpdates {
  coverage: Coverage;
  /** `id:version` marks (versionMark) of the pinned entry and of the key events; "" for none */
  pinned: string;
  keyEvents: string;
  entries: { id: string; postedAt: string; version: number }[];
  /** the list holds every posted entry (not only the newest UPDATES_WINDOW) */
  complete: boolean;
}

/** `id:version` of each, joined: two lists are the same when their marks are. */
export const versionMark = (entries: { id: string; version: number }[]) => entries.map((entry) => `${entry.id}:${entry.version}`).join(",");

export const liveUpdates = cached(
  "live-updates",
  async (slug: string): Promise<LiveUpdates | null> => {
    const blog = await liveBlogAt(slug);
    if (!blog) return null;
    const [rows, pinned, keyEvents] = await Promise.all([
      db().liveEntry.findMany({ where: { articleId: blog.id, ...POSTED, pinned: false }, orderBy: NEWEST_FIRST, take: UPDATES_WINDOW + 1, select: { id: true, postedAt: true, version: true } }),
      db().liveEntry.findMany({ where: { articleId: blog.id, ...POSTED, pinned: true }, take: 1, select: { id: true, version: true } }),
      db().liveEntry.findMany({ where: { articleId: blog.id, ...POSTED, keyEvent: true }, orderBy: NEWEST_FIRST, take: 50, select: { id: true, version: true } }),
    ]);
    return {
      coverage: coverageOf(blog)!,
      pinned: versionMark(pinned),
      keyEvents: versionMark(keyEvents),
      entries: rows.slice(0, UPDATES_WINDOW).map((row) => ({ id: row.id, postedAt: row.postedAt!.toISOString(), version: row.version })),
      complete: rows.length <= UPDATES_WINDOW,
    };
  },
  (slug) => [slugTag(slug)],
);
