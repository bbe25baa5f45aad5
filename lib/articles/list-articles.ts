import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isEditor, visibleWhere, type StaffViewer, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { WORKFLOW_ACTIONS } from "@/lib/workflow";
import { ListArticlesInput } from "./schemas";

const rowSelect = {
  id: true,
  headline: true,
  slugLine: true,
  slug: true,
  status: true,
  updatedAt: true,
  publishedAt: true,
  scheduledFor: true,
  /** the plan's deadline and brief: what the assignee's row says is due, and when */
  deadline: true,
  brief: true,
  version: true,
  author: { select: { id: true, name: true } },
  section: { select: { id: true, name: true } },
  liveRevision: { select: { version: true } },
} satisfies Prisma.ArticleSelect;

/** A list row: the working copy's headline and state, whether readers have it, and whether it holds unpublished changes. */
const toRow = ({ liveRevision, version, ...row }: Prisma.ArticleGetPayload<{ select: typeof rowSelect }>) => ({
  ...row,
  live: liveRevision !== null,
  hasUnpublishedChanges: liveRevision !== null && liveRevision.version !== version,
});

export type ArticleRow = ReturnType<typeof toRow>;

const encodeCursor = (row: { updatedAt: Date; id: string }) => Buffer.from(`${row.updatedAt.toISOString()}|${row.id}`).toString("base64url");

function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const updatedAt = new Date(time ?? "");
  if (!id || Number.isNaN(updatedAt.getTime())) throw new AppError("VALIDATION", "cursor: not a cursor this API gave out.", { field: "cursor" });
  return { updatedAt, id };
}

/**
 * Articles the viewer may see, newest change first, filtered, one page at a
 * time. Keyset pagination (updatedAt, id), so page 4,000 costs what page 1
 * does.
 */
export async function listArticles(viewer: Viewer, input: unknown): Promise<{ articles: ArticleRow[]; nextCursor: string | null }> {
  const filters = parseInput(ListArticlesInput, input);
  const after = filters.cursor ? decodeCursor(filters.cursor) : null;
  const where: Prisma.ArticleWhereInput = {
    AND: [
      visibleWhere(viewer),
      ...(filters.status ? [{ status: filters.status }] : []),
      ...(filters.section ? [{ sectionId: filters.section }] : []),
      ...(filters.author ? [{ authorId: filters.author }] : []),
      ...(filters.q ? [{ headline: { contains: filters.q, mode: "insensitive" as const } }] : []),
      ...(after ? [{ OR: [{ updatedAt: { lt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { lt: after.id } }] }] : []),
    ],
  };
  const rows = await db().article.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: filters.limit + 1, select: rowSelect });
  const page = rows.slice(0, filters.limit).map(toRow);
  return { articles: page, nextCursor: rows.length > filters.limit ? encodeCursor(page.at(-1)!) : null };
}

/** The dashboard's boxes, each a query; the box on the dashboard and its full list read the same one. */
export const BOXES = ["my-drafts", "awaiting-review", "scheduled", "recently-published"] as const;
export type BoxName = (typeof BOXES)[number];
export const BOX_TITLES: Record<BoxName, string> = { "my-drafts": "My drafts", "awaiting-review": "Awaiting review", scheduled: "Scheduled", "recently-published": "Recently published" };

function boxQuery(viewer: StaffViewer, box: BoxName): { where: Prisma.ArticleWhereInput; orderBy: Prisma.ArticleOrderByWithRelationInput[] } {
  const mineUnlessEditor = isEditor(viewer) ? {} : { OR: [{ authorId: viewer.id }, { assigneeId: viewer.id }] };
  const queries: Record<BoxName, { where: Prisma.ArticleWhereInput; orderBy: Prisma.ArticleOrderByWithRelationInput }> = {
    "my-drafts": { where: { OR: [{ authorId: viewer.id }, { assigneeId: viewer.id }], status: { in: ["DRAFT", "CHANGES_REQUESTED"] } }, orderBy: { updatedAt: "desc" } },
    // Oldest waiting first: a story in review is changed by nobody but the editor who takes it up.
    "awaiting-review": { where: { status: "IN_REVIEW", ...mineUnlessEditor }, orderBy: { updatedAt: "asc" } },
    scheduled: { where: { status: "SCHEDULED", ...mineUnlessEditor }, orderBy: { scheduledFor: "asc" } },
    "recently-published": { where: { liveRevisionId: { not: null } }, orderBy: { publishedAt: "desc" } },
  };
  const { where, orderBy } = queries[box];
  return { where: { AND: [visibleWhere(viewer), where] }, orderBy: [orderBy, { id: "asc" }] };
}

/** The dashboard's four boxes: how many, and the first few of each. */
export async function dashboardSummary(viewer: StaffViewer) {
  const box = async (name: BoxName) => {
    const { where, orderBy } = boxQuery(viewer, name);
    const [total, articles] = await Promise.all([db().article.count({ where }), db().article.findMany({ where, orderBy, take: 5, select: rowSelect })]);
    return { total, articles: articles.map(toRow) };
  };
  const [myDrafts, awaitingReview, scheduled, recentlyPublished] = await Promise.all(BOXES.map(box));
  return { myDrafts: myDrafts!, awaitingReview: awaitingReview!, scheduled: scheduled!, recentlyPublished: recentlyPublished! };
}

const BOX_PAGE_SIZE = 25;

/** A box's full list, a page at a time, each story with the time it entered its state (how long it has waited). */
export async function boxList(viewer: StaffViewer, box: BoxName, page: number) {
  const { where, orderBy } = boxQuery(viewer, box);
  const [total, rows] = await Promise.all([
    db().article.count({ where }),
    db().article.findMany({ where, orderBy, skip: (page - 1) * BOX_PAGE_SIZE, take: BOX_PAGE_SIZE, select: rowSelect }),
  ]);
  const entered = await db().workflowEvent.findMany({
    // Moves only: an entry posted to live coverage does not change the story's state.
    where: { articleId: { in: rows.map((row) => row.id) }, action: { in: WORKFLOW_ACTIONS } },
    orderBy: { createdAt: "desc" },
    distinct: ["articleId"],
    select: { articleId: true, createdAt: true },
  });
  const since = new Map(entered.map((event) => [event.articleId, event.createdAt]));
  return { total, hasMore: page * BOX_PAGE_SIZE < total, articles: rows.map((row) => ({ ...toRow(row), inStateSince: since.get(row.id) ?? row.updatedAt })) };
}

/** Sections and people to filter the dashboard by. */
export async function filterOptions() {
  const [sections, authors] = await Promise.all([
    db().section.findMany({ orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db().user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { sections, authors };
}
