import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { findVisible } from "@/lib/articles/find";
import { isEditor, type Viewer } from "@/lib/policy";
import { entrySelect } from "./entry";

/**
 * The live desk's entries, newest first: the posted ones, and those waiting
 * for approval — all of them for editors, a writer's own for the writer. A
 * deleted entry is in the story's history, not here.
 */
export async function listEntries(viewer: Viewer, articleId: string) {
  const article = await findVisible(db(), viewer, articleId);
  const waiting = isEditor(viewer) ? { status: "PENDING" as const } : viewer.kind === "staff" ? { status: "PENDING" as const, authorIds: { has: viewer.id } } : null;
  const entries = await db().liveEntry.findMany({
    where: { articleId: article.id, OR: [{ status: "POSTED" }, ...(waiting ? [waiting] : [])] },
    orderBy: [{ postedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
    select: entrySelect,
  });
  const names = await authorNames(entries.flatMap((entry) => entry.authorIds));
  return entries.map(({ authorIds, createdAt, postedAt, editedAt, ...entry }) => ({
    ...entry,
    status: entry.status as "PENDING" | "POSTED",
    body: entry.body as JSONContent,
    createdAt: createdAt.toISOString(),
    postedAt: postedAt?.toISOString() ?? null,
    editedAt: editedAt?.toISOString() ?? null,
    authors: authorIds.map((id) => ({ id, name: names.get(id) ?? "Former staff" })),
  }));
}

/** Author ids → names, in one read. */
export async function authorNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await db().user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}
