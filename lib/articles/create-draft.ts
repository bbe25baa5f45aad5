import { validateDocument, EMPTY_DOCUMENT } from "@/lib/content/validate";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { mayCreateArticles, type Viewer } from "@/lib/policy";
import { slugify, untitledSlug } from "@/lib/slug";
import { parseInput } from "@/lib/validation";
import { checkSection, heroColumns, checkSlugFree, recordRevision, replaceTags } from "./content";
import { CreateArticleInput } from "./schemas";

/** A new draft by the viewer, with its first revision, in one transaction. */
export async function createDraft(viewer: Viewer, input: unknown) {
  if (viewer.kind !== "staff" || !mayCreateArticles(viewer)) throw forbidden();
  const fields = parseInput(CreateArticleInput, input);
  const body = fields.body === undefined ? EMPTY_DOCUMENT : validateDocument(fields.body);
  const slug = fields.slug ?? (slugify(fields.headline) || untitledSlug());
  return db().$transaction(async (tx) => {
    await checkSection(tx, fields.sectionId);
    await checkSlugFree(tx, slug);
    const article = await tx.article.create({
      data: {
        slug,
        headline: fields.headline,
        standfirst: fields.standfirst,
        body,
        authorId: viewer.id,
        sectionId: fields.sectionId,
        ...(await heroColumns(tx, fields.hero)),
      },
    });
    await replaceTags(tx, article.id, fields.tags);
    await recordRevision(tx, article.id, viewer.id);
    return { id: article.id, slug: article.slug, version: article.version, status: article.status };
  });
}
