import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyAssignment } from "@/lib/notifications";
import type { StaffViewer, Viewer } from "@/lib/policy";
import { changeKind } from "@/lib/live/kind";
import { markLegalReview, setEmbargo } from "@/lib/publishing/desk-facts";
import { isPlaceholderSlug, slugify } from "@/lib/slug";
import { WORKFLOW_ACTIONS } from "@/lib/workflow";
import { checkSection, heroColumns, recordRevision, replaceTags, slugTaken, slugTakenMessage } from "./content";
import { checkContent, parseStoryInput, storesContent, type CheckedContent, type KeptBack } from "./field-check";
import { assertAllowed, findVisible, type FoundArticle } from "./find";
import { planColumns, planOf, type Plan } from "./planning";
import { keepBackUnknownSocialImage, searchColumns } from "./search-fields";
import { apiKind } from "./kind";
import { CONTENT_FIELDS, SaveDraftInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/**
 * Saves the working copy. Readers never see a save: what they get is the
 * live revision, which only publishing moves. The save names the version it
 * edited and the UPDATE carries that version and the state in its WHERE, so
 * of two saves from the same version exactly one wins and the other gets
 * CONFLICT with who saved first — never a silent overwrite, never a mix of
 * both, never an edit slipping past a state change.
 *
 * The desk's plan (assignee, editor, deadline, slot, slug line) may ride
 * along or come alone: it is not content, so alone it names no version,
 * makes no revision and never conflicts with the reporter typing.
 *
 * A field that breaks its own rule (a headline past its limit, a slug
 * another story has, a body with a link we refuse) is kept back and named
 * in `invalid`; the rest is stored, so one bad field never costs the story
 * the others. A request of the wrong shape (an unknown key, a wrong type, no
 * version) is still refused whole.
 */
export async function saveDraft(viewer: Viewer, input: unknown, now = new Date()) {
  const { articleId, version, kind, embargoUntil, needsLegalReview, ...fields } = parseStoryInput(SaveDraftInput, input);
  const plan = planOf(fields);
  const content = CONTENT_FIELDS.some((field) => fields[field] !== undefined);
  const deskFacts = embargoUntil !== undefined || needsLegalReview !== undefined;
  if (version === undefined && (content || (!plan && kind === undefined && !deskFacts))) {
    throw new AppError("VALIDATION", "version: name the version you edited.", { field: "version" });
  }
  if (viewer.kind !== "staff") throw new AppError("FORBIDDEN", "Only staff edit articles.");
  const checked = checkContent(fields);
  return db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    const planned = plan ? await planColumns(tx, viewer, plan, now) : null;
    if (kind !== undefined) await changeKind(tx, viewer, article, kind);
    if (embargoUntil !== undefined) await setEmbargo(tx, viewer, article, embargoUntil, now);
    if (needsLegalReview !== undefined) await markLegalReview(tx, viewer, article, needsLegalReview, now);
    let invalid: KeptBack[] = [];
    if (version === undefined) {
      if (planned) await tx.article.update({ where: { id: article.id }, data: planned.data });
    }
    else invalid = await saveContent(tx, viewer, article, checked, version, planned?.data ?? {});
    if (plan?.assigneeId && plan.assigneeId !== article.assigneeId) await notifyAssignment(tx, viewer, { ...article, ...plan, assigneeId: plan.assigneeId }, now);
    const saved = await tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { id: true, slug: true, version: true, status: true, kind: true, updatedAt: true, embargoUntil: true, needsLegalReview: true } });
    return { ...saved, kind: apiKind(saved.kind), warnings: planned?.warnings ?? [], invalid };
  });
}

/**
 * Stores the fields that passed their rules (./field-check.ts) and returns
 * the ones kept back. A slug another story has is kept back too, so the rest
 * still saves. When every field sent was kept back nothing is stored: the
 * version stays (no edit happened) but is still compared, so a stale copy
 * hears of the clash as before.
 */
async function saveContent(tx: Tx, viewer: StaffViewer, article: FoundArticle, checked: { valid: CheckedContent; invalid: KeptBack[] }, version: number, plan: Plan): Promise<KeptBack[]> {
  const change = { ...checked.valid };
  const invalid = [...checked.invalid];
  assertAllowed(viewer, "edit", article);
  if (change.sectionId !== undefined) await checkSection(tx, change.sectionId);
  if (change.slug !== undefined && change.slug !== article.slug && (await slugTaken(tx, change.slug, article.id))) {
    invalid.push({ field: "slug", message: slugTakenMessage(change.slug) });
    delete change.slug;
  }
  // A story planned (or started) before its headline has the placeholder address until a headline gives it one,
  // also when the save names no slug (an API client): the headline's address, if free. Never once readers have had it.
  if (change.slug === undefined && change.headline && article.publishedAt === null && isPlaceholderSlug(article.slug)) {
    const fromHeadline = slugify(change.headline);
    if (fromHeadline && !(await slugTaken(tx, fromHeadline, article.id))) change.slug = fromHeadline;
  }
  await keepBackUnknownSocialImage(tx, change, invalid);
  const where = { id: article.id, version, status: article.status };
  if (invalid.length > 0 && !storesContent(change)) {
    const matched = Object.keys(plan).length > 0 ? (await tx.article.updateMany({ where, data: plan })).count : await tx.article.count({ where });
    if (matched !== 1) throw await conflict(tx, article.id);
    return invalid;
  }
  const slugChanged = change.slug !== undefined && change.slug !== article.slug;

  const data: Prisma.ArticleUncheckedUpdateManyInput = {
    ...(change.headline !== undefined && { headline: change.headline }),
    ...(change.standfirst !== undefined && { standfirst: change.standfirst }),
    ...(change.body !== undefined && { body: change.body }),
    ...(change.slug !== undefined && { slug: change.slug }),
    ...(change.sectionId !== undefined && { sectionId: change.sectionId }),
    ...(change.hero !== undefined && (await heroColumns(tx, change.hero, article))),
    ...searchColumns(change),
    ...plan,
    version: { increment: 1 },
  };
  const { count } = await tx.article.updateMany({ where, data });
  if (count !== 1) throw await conflict(tx, article.id);

  if (change.tags !== undefined) await replaceTags(tx, article.id, change.tags);
  // Once readers have seen a slug, it stays this story's: old links must keep working.
  if (slugChanged && article.publishedAt !== null) {
    await tx.slugRedirect.upsert({ where: { slug: article.slug }, update: { articleId: article.id }, create: { slug: article.slug, articleId: article.id } });
  }
  await recordRevision(tx, article.id, viewer.id);
  return invalid;
}

/** The CONFLICT error, naming the version that won and who saved it when. */
export async function conflict(tx: Prisma.TransactionClient, articleId: string): Promise<AppError> {
  const current = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true, updatedAt: true, status: true } });
  const [save, move] = await Promise.all([
    tx.revision.findFirst({ where: { articleId }, orderBy: { version: "desc" }, select: { author: { select: { name: true } }, createdAt: true } }),
    tx.workflowEvent.findFirst({ where: { articleId, action: { in: WORKFLOW_ACTIONS } }, orderBy: { createdAt: "desc" }, select: { actor: { select: { name: true } }, createdAt: true } }),
  ]);
  const updatedBy = move && (!save || move.createdAt > save.createdAt) ? (move.actor?.name ?? "the scheduler") : (save?.author.name ?? null);
  return new AppError("CONFLICT", `${updatedBy ?? "Someone else"} changed this article after you loaded it.`, {
    currentVersion: current.version,
    status: current.status,
    updatedBy,
    updatedAt: current.updatedAt.toISOString(),
  });
}
