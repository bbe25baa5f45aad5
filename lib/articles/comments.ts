import { db } from "@/lib/db";
import type { Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { assertAllowed, findVisible } from "./find";
import { CommentInput } from "./schemas";

const commentSelect = { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } } as const;

export async function addComment(viewer: Viewer, input: unknown) {
  const { articleId, body } = parseInput(CommentInput, input);
  return db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    assertAllowed(viewer, "comment", article);
    if (viewer.kind !== "staff") throw new Error("unreachable: only staff may comment");
    return tx.comment.create({ data: { articleId, authorId: viewer.id, body }, select: commentSelect });
  });
}

export async function listComments(viewer: Viewer, articleId: string) {
  const article = await findVisible(db(), viewer, articleId);
  return db().comment.findMany({ where: { articleId: article.id }, orderBy: { createdAt: "asc" }, select: commentSelect });
}
