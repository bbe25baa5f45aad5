import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { maySeeReviewQueue, visibleWhere, type Viewer } from "@/lib/policy";

const LIST_SIZE = 20;
const rowSelect = {
  id: true,
  headline: true,
  status: true,
  updatedAt: true,
  author: { select: { name: true } },
  section: { select: { name: true } },
} as const;

/** The viewer's own unfinished work, newest first. */
export async function myDrafts(viewer: Viewer & { kind: "staff" }) {
  const where = { AND: [visibleWhere(viewer), { authorId: viewer.id, status: { in: ["DRAFT" as const, "CHANGES_REQUESTED" as const] } }] };
  const [total, articles] = await Promise.all([
    db().article.count({ where }),
    db().article.findMany({ where, orderBy: { updatedAt: "desc" }, take: LIST_SIZE, select: rowSelect }),
  ]);
  return { total, articles };
}

/** Articles submitted for review, oldest first: the queue editors work through. */
export async function reviewQueue(viewer: Viewer) {
  if (!maySeeReviewQueue(viewer)) throw forbidden("Only editors see the review queue.");
  const where = { AND: [visibleWhere(viewer), { status: "IN_REVIEW" as const }] };
  const [total, articles] = await Promise.all([
    db().article.count({ where }),
    db().article.findMany({ where, orderBy: { updatedAt: "asc" }, take: LIST_SIZE, select: rowSelect }),
  ]);
  return { total, articles };
}
