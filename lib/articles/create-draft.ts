import { validateDocument, EMPTY_DOCUMENT } from "@/lib/content/validate";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { notifyAssignment } from "@/lib/notifications";
import { mayCreateArticles, type Viewer } from "@/lib/policy";
import { slugify, untitledSlug } from "@/lib/slug";
import { parseInput } from "@/lib/validation";
import { checkSection, heroColumns, checkSlugFree, recordRevision, replaceTags } from "./content";
import { planColumns, planOf } from "./planning";
import { CreateArticleInput } from "./schemas";

/**
 * A new draft with its first revision, in one transaction. A story the desk
 * plans for a reporter is theirs from the start: the assignee is its author
 * (the byline), the editor who planned it shows in its history.
 */
export async function createDraft(viewer: Viewer, input: unknown, now = new Date()) {
  if (viewer.kind !== "staff" || !mayCreateArticles(viewer)) throw forbidden();
  const fields = parseInput(CreateArticleInput, input);
  const body = fields.body === undefined ? EMPTY_DOCUMENT : validateDocument(fields.body);
  const slug = fields.slug ?? (slugify(fields.headline || (fields.slugLine ?? "")) || untitledSlug());
  const plan = planOf(fields);
  return db().$transaction(async (tx) => {
    await checkSection(tx, fields.sectionId);
    await checkSlugFree(tx, slug);
    const planned = plan ? await planColumns(tx, viewer, plan, now) : null;
    const article = await tx.article.create({
      data: {
        slug,
        headline: fields.headline,
        standfirst: fields.standfirst,
        body,
        authorId: plan?.assigneeId ?? viewer.id,
        sectionId: fields.sectionId,
        ...(await heroColumns(tx, fields.hero)),
        ...planned?.data,
      },
    });
    await replaceTags(tx, article.id, fields.tags);
    await recordRevision(tx, article.id, viewer.id);
    if (article.assigneeId) await notifyAssignment(tx, viewer, article, now);
    return { id: article.id, slug: article.slug, version: article.version, status: article.status, warnings: planned?.warnings ?? [] };
  });
}
