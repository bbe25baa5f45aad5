import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleWhere, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { ListArticlesInput } from "./schemas";

const rowSelect = {
  id: true,
  headline: true,
  slug: true,
  status: true,
  updatedAt: true,
  publishedAt: true,
  scheduledFor: true,
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

/** The dashboard's four boxes: how many, and the latest few of each. */
export async function dashboardSummary(viewer: Viewer & { kind: "staff" }) {
  const box = async (where: Prisma.ArticleWhereInput, orderBy: Prisma.ArticleOrderByWithRelationInput) => {
    const scoped = { AND: [visibleWhere(viewer), where] };
    const [total, articles] = await Promise.all([db().article.count({ where: scoped }), db().article.findMany({ where: scoped, orderBy, take: 5, select: rowSelect })]);
    return { total, articles: articles.map(toRow) };
  };
  const editor = viewer.role !== "REPORTER";
  const [myDrafts, awaitingReview, scheduled, recentlyPublished] = await Promise.all([
    box({ authorId: viewer.id, status: { in: ["DRAFT", "CHANGES_REQUESTED"] } }, { updatedAt: "desc" }),
    editor ? box({ status: "IN_REVIEW" }, { updatedAt: "asc" }) : box({ authorId: viewer.id, status: "IN_REVIEW" }, { updatedAt: "asc" }),
    box({ status: "SCHEDULED", ...(editor ? {} : { authorId: viewer.id }) }, { scheduledFor: "asc" }),
    box({ liveRevisionId: { not: null } }, { publishedAt: "desc" }),
  ]);
  return { myDrafts, awaitingReview, scheduled, recentlyPublished };
}

/** Sections and people to filter the dashboard by. */
export async function filterOptions() {
  const [sections, authors] = await Promise.all([
    db().section.findMany({ orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db().user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { sections, authors };
}
