import { db } from "@/lib/db";
import { notifyMentions } from "@/lib/notifications";
import type { Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { assertAllowed, findVisible } from "./find";
import { CommentInput } from "./schemas";

const commentSelect = { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } } as const;

/** A comment, and an inbox line for everyone it mentions by @name, together. */
export async function addComment(viewer: Viewer, input: unknown, now = new Date()) {
  const { articleId, body } = parseInput(CommentInput, input);
  return db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    assertAllowed(viewer, "comment", article);
    if (viewer.kind !== "staff") throw new Error("unreachable: only staff may comment");
    const comment = await tx.comment.create({ data: { articleId, authorId: viewer.id, body, createdAt: now }, select: commentSelect });
    await notifyMentions(tx, viewer, article, body, now);
    return comment;
  });
}

export async function listComments(viewer: Viewer, articleId: string) {
  const article = await findVisible(db(), viewer, articleId);
  return db().comment.findMany({ where: { articleId: article.id }, orderBy: { createdAt: "asc" }, select: commentSelect });
}
