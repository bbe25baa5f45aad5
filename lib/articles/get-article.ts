import { db } from "@/lib/db";
import { imageUrl } from "@/lib/media";
import { allowedActions, can, type Viewer } from "@/lib/policy";
import { findVisible } from "./find";

/** Everything the editor needs about one article, including what this viewer may do with it now. */
export async function getArticle(viewer: Viewer, articleId: string) {
  const visible = await findVisible(db(), viewer, articleId);
  const article = await db().article.findUniqueOrThrow({
    where: { id: visible.id },
    include: {
      author: { select: { id: true, name: true } },
      section: { select: { id: true, name: true } },
      heroImage: { select: { id: true, storageKey: true, widths: true, altText: true, caption: true, credit: true, width: true, height: true } },
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
  const changeRequest =
    article.status === "CHANGES_REQUESTED"
      ? await db().workflowEvent.findFirst({
          where: { articleId: article.id, action: "request_changes" },
          orderBy: { createdAt: "desc" },
          select: { note: true, createdAt: true, actor: { select: { name: true } } },
        })
      : null;
  return {
    id: article.id,
    slug: article.slug,
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    status: article.status,
    version: article.version,
    author: article.author,
    section: article.section,
    tags: article.tags.map((t) => t.tag.name).sort(),
    heroImage: article.heroImage && {
      id: article.heroImage.id,
      url: imageUrl(article.heroImage.storageKey, Math.min(960, Math.max(...article.heroImage.widths))),
      altText: article.heroImage.altText,
      caption: article.heroImage.caption,
      credit: article.heroImage.credit,
    },
    publishedAt: article.publishedAt,
    scheduledFor: article.scheduledFor,
    updatedAt: article.updatedAt,
    changeRequest,
    canEdit: can(viewer, "edit", article).ok,
    canCorrect: can(viewer, "correct", article).ok,
    allowedActions: allowedActions(viewer, article),
  };
}

export type EditorArticle = Awaited<ReturnType<typeof getArticle>>;
