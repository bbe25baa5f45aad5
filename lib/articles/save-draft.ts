import { validateDocument } from "@/lib/content/validate";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyAssignment } from "@/lib/notifications";
import type { StaffViewer, Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { checkSection, checkSlugFree, heroColumns, recordRevision, replaceTags } from "./content";
import { assertAllowed, findVisible, type FoundArticle } from "./find";
import { planColumns, planOf, type Plan } from "./planning";
import { SaveDraftInput, type SaveDraftInput as SaveDraftFields } from "./schemas";

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
 */
export async function saveDraft(viewer: Viewer, input: unknown, now = new Date()) {
  const { articleId, version, ...fields } = parseInput(SaveDraftInput, input);
  const plan = planOf(fields);
  const content = CONTENT_FIELDS.some((field) => fields[field] !== undefined);
  if (version === undefined && (content || !plan)) {
    throw new AppError("VALIDATION", "version: name the version you edited.", { field: "version" });
  }
  if (viewer.kind !== "staff") throw new AppError("FORBIDDEN", "Only staff edit articles.");
  return db().$transaction(async (tx) => {
    const article = await findVisible(tx, viewer, articleId);
    const planned = plan ? await planColumns(tx, viewer, plan, now) : null;
    if (version === undefined) await tx.article.update({ where: { id: article.id }, data: planned!.data });
    else await saveContent(tx, viewer, article, { ...fields, version }, planned?.data ?? {});
    if (plan?.assigneeId && plan.assigneeId !== article.assigneeId) await notifyAssignment(tx, viewer, { ...article, ...plan, assigneeId: plan.assigneeId }, now);
    const saved = await tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { id: true, slug: true, version: true, status: true, updatedAt: true } });
    return { ...saved, warnings: planned?.warnings ?? [] };
  });
}

/** What a save changes in the story itself (a save naming a version counts as one even with none of them). */
const CONTENT_FIELDS = ["headline", "standfirst", "body", "slug", "sectionId", "tags", "hero"] as const;

async function saveContent(tx: Tx, viewer: StaffViewer, article: FoundArticle, change: Omit<SaveDraftFields, "articleId"> & { version: number }, plan: Plan) {
  const body = change.body === undefined ? undefined : validateDocument(change.body);
  assertAllowed(viewer, "edit", article);
  if (change.sectionId !== undefined) await checkSection(tx, change.sectionId);
  const slugChanged = change.slug !== undefined && change.slug !== article.slug;
  if (slugChanged) await checkSlugFree(tx, change.slug!, article.id);

  const data: Prisma.ArticleUncheckedUpdateManyInput = {
    ...(change.headline !== undefined && { headline: change.headline }),
    ...(change.standfirst !== undefined && { standfirst: change.standfirst }),
    ...(body !== undefined && { body }),
    ...(change.slug !== undefined && { slug: change.slug }),
    ...(change.sectionId !== undefined && { sectionId: change.sectionId }),
    ...(change.hero !== undefined && (await heroColumns(tx, change.hero))),
    ...plan,
    version: { increment: 1 },
  };
  const { count } = await tx.article.updateMany({ where: { id: article.id, version: change.version, status: article.status }, data });
  if (count !== 1) throw await conflict(tx, article.id);

  if (change.tags !== undefined) await replaceTags(tx, article.id, change.tags);
  // Once readers have seen a slug, it stays this story's: old links must keep working.
  if (slugChanged && article.publishedAt !== null) {
    await tx.slugRedirect.upsert({ where: { slug: article.slug }, update: { articleId: article.id }, create: { slug: article.slug, articleId: article.id } });
  }
  await recordRevision(tx, article.id, viewer.id);
}

/** The CONFLICT error, naming the version that won and who saved it when. */
export async function conflict(tx: Prisma.TransactionClient, articleId: string): Promise<AppError> {
  const current = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true, updatedAt: true, status: true } });
  const [save, move] = await Promise.all([
    tx.revision.findFirst({ where: { articleId }, orderBy: { version: "desc" }, select: { author: { select: { name: true } }, createdAt: true } }),
    tx.workflowEvent.findFirst({ where: { articleId }, orderBy: { createdAt: "desc" }, select: { actor: { select: { name: true } }, createdAt: true } }),
  ]);
  const updatedBy = move && (!save || move.createdAt > save.createdAt) ? (move.actor?.name ?? "the scheduler") : (save?.author.name ?? null);
  return new AppError("CONFLICT", `${updatedBy ?? "Someone else"} changed this article after you loaded it.`, {
    currentVersion: current.version,
    status: current.status,
    updatedBy,
    updatedAt: current.updatedAt.toISOString(),
  });
}
