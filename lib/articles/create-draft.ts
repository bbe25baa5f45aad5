import { EMPTY_DOCUMENT } from "@/lib/content/validate";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { notifyAssignment } from "@/lib/notifications";
import { mayCreateArticles, type Viewer } from "@/lib/policy";
import { slugify, untitledSlug } from "@/lib/slug";
import { apiKind } from "./kind";
import { checkSection, heroColumns, recordRevision, replaceTags, slugTaken, slugTakenMessage } from "./content";
import { checkContent, parseStoryInput } from "./field-check";
import { planColumns, planOf } from "./planning";
import { keepBackUnknownSocialImage, searchColumns } from "./search-fields";
import { CreateArticleInput } from "./schemas";

/**
 * A new draft with its first revision, in one transaction. A story the desk
 * plans for a reporter is theirs from the start: the assignee is its author
 * (the byline), the editor who planned it shows in its history.
 *
 * Like every save, the first keeps back a field that breaks its rule and
 * stores the rest (./field-check.ts): a new story whose pasted headline is
 * too long still exists, with its body, and the answer names the headline
 * in `invalid`. A slug already taken gives the placeholder address instead.
 */
export async function createDraft(viewer: Viewer, input: unknown, now = new Date()) {
  if (viewer.kind !== "staff" || !mayCreateArticles(viewer)) throw forbidden();
  const fields = parseStoryInput(CreateArticleInput, input);
  const { valid, invalid: keptBack } = checkContent(fields);
  const body = valid.body ?? EMPTY_DOCUMENT;
  // The slug line is the desk's label, not an address: a story planned before its headline gets the placeholder
  // an untitled draft gets, which the editor replaces with one made from the headline (lib/slug.ts, slugFollowsHeadline).
  // A headline kept back for its length still names the address the person meant.
  const wanted = valid.slug ?? (slugify(fields.headline) || untitledSlug());
  const plan = planOf(fields);
  return db().$transaction(async (tx) => {
    await checkSection(tx, fields.sectionId);
    const invalid = [...keptBack];
    const taken = await slugTaken(tx, wanted);
    if (taken) invalid.push({ field: "slug", message: slugTakenMessage(wanted) });
    await keepBackUnknownSocialImage(tx, valid, invalid);
    const slug = taken ? untitledSlug() : wanted;
    const planned = plan ? await planColumns(tx, viewer, plan, now) : null;
    const article = await tx.article.create({
      data: {
        kind: fields.kind,
        slug,
        headline: valid.headline ?? "",
        standfirst: valid.standfirst ?? "",
        body,
        authorId: plan?.assigneeId ?? viewer.id,
        sectionId: fields.sectionId,
        ...(await heroColumns(tx, valid.hero ?? null)),
        ...searchColumns(valid),
        ...planned?.data,
      },
    });
    await replaceTags(tx, article.id, valid.tags ?? []);
    await recordRevision(tx, article.id, viewer.id);
    if (article.assigneeId) await notifyAssignment(tx, viewer, article, now);
    // The plan's times come back so the desk can be shown the day the story landed on.
    return { id: article.id, slug: article.slug, version: article.version, status: article.status, kind: apiKind(article.kind), deadline: article.deadline, plannedFor: article.plannedFor, warnings: planned?.warnings ?? [], invalid };
  });
}
