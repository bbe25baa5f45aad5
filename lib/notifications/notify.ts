import { env, appUrl } from "@/lib/env";
import { formatDateTime, headlineOrUntitled } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type ArticleFacts, type Viewer } from "@/lib/policy";
import { transitionOf, type NoticeKind, type WorkflowAction } from "@/lib/workflow";
import { mentionedIn } from "./mentions";

type Tx = Prisma.TransactionClient;

/** What a notice is about: enough of the story to name it and to find who must hear. */
export interface StoryFacts {
  id: string;
  headline: string;
  slugLine: string;
  authorId: string;
  assigneeId: string | null;
  editorId: string | null;
}

interface Notice {
  kind: NoticeKind;
  story: StoryFacts;
  message: string;
  /** who acted: never told of their own action (null: the scheduler) */
  actorId: string | null;
  to: readonly (string | null)[];
}

const SUBJECTS: Record<NoticeKind, string> = {
  SUBMITTED: "Submitted for review",
  CHANGES_REQUESTED: "Changes requested",
  PUBLISHED: "Published",
  SCHEDULED: "Scheduled",
  UNPUBLISHED: "Unpublished",
  ASSIGNED: "Assigned to you",
  MENTIONED: "You were mentioned",
  SCHEDULE_MISSED: "Scheduled publish missed",
  CORRECTED: "Correction added",
  PHOTO_RIGHTS: "Photo rights",
};

const storyName = (story: StoryFacts) => `“${story.slugLine || headlineOrUntitled(story.headline)}”`;

/**
 * Writes one notification per recipient — in the caller's transaction, so
 * it exists exactly when the change it reports does — and, when the
 * newsroom has SMTP and the person wants mail, its outbox row. Returns the
 * names of the people told.
 */
async function notify(tx: Tx, notice: Notice, now: Date): Promise<string[]> {
  const ids = [...new Set(notice.to.filter((id): id is string => id !== null && id !== notice.actorId))];
  if (ids.length === 0) return [];
  const people = await tx.user.findMany({ where: { id: { in: ids }, disabled: false, machine: false }, select: { id: true, name: true, email: true, emailNotifications: true }, orderBy: { name: "asc" } });
  const created = await tx.notification.createManyAndReturn({
    data: people.map((person) => ({ userId: person.id, kind: notice.kind, articleId: notice.story.id, message: notice.message, createdAt: now })),
    select: { id: true, userId: true },
  });
  if (env().SMTP_URL) {
    const mailTo = new Map(people.filter((person) => person.emailNotifications).map((person) => [person.id, person.email]));
    const link = `${appUrl()}/newsroom/articles/${notice.story.id}`;
    await tx.outboxMail.createMany({
      data: created
        .filter((row) => mailTo.has(row.userId))
        .map((row) => ({
          notificationId: row.id,
          to: mailTo.get(row.userId)!,
          subject: `${SUBJECTS[notice.kind]}: ${storyName(notice.story)}`,
          text: `${notice.message}\n\nOpen the story: ${link}\n\nYou get these mails because you work on this story in ${env().NEWSROOM_NAME}. Turn them off under Account: ${appUrl()}/newsroom/account\n`,
          createdAt: now,
        })),
    });
  }
  // Who was told, by name: the person who acted is shown it ("Sent for review — told …").
  return people.map((person) => person.name);
}

/** The people every desk-wide alert goes to. */
const editorIds = async (tx: Tx) =>
  (await tx.user.findMany({ where: { role: { in: ["EDITOR", "ADMIN"] }, disabled: false, machine: false }, select: { id: true } })).map((user) => user.id);

const nameOf = async (tx: Tx, viewer: Viewer) =>
  viewer.kind === "staff" ? ((await tx.user.findUnique({ where: { id: viewer.id }, select: { name: true } }))?.name ?? "Someone") : "The scheduler";

function moveMessage(action: WorkflowAction, actor: string, story: StoryFacts, note: string | undefined, publishAt: Date | undefined): string {
  const name = storyName(story);
  switch (action) {
    case "submit": return `${actor} submitted ${name} for review.`;
    case "request_changes": return `${actor} requested changes to ${name}: ${note}`;
    case "publish":
    case "publish_changes": return `${actor} published ${name}.`;
    case "publish_scheduled": return `${name} was published on schedule.`;
    case "schedule": return `${actor} scheduled ${name} for ${formatDateTime(publishAt!)}.`;
    case "reschedule": return `${actor} moved ${name} to ${formatDateTime(publishAt!)}.`;
    case "unpublish": return `${actor} unpublished ${name}: ${note}`;
    default: return `${actor}: ${action} on ${name}.`;
  }
}

/** The inbox lines a workflow move writes, read off the workflow table; returns the names of the people told. */
export async function notifyMove(tx: Tx, viewer: Viewer, story: StoryFacts, move: { action: WorkflowAction; note?: string | undefined; publishAt?: Date | undefined }, now: Date): Promise<string[]> {
  const rule = transitionOf(move.action).notify;
  if (!rule) return [];
  const to = rule.to === "writers" ? [story.authorId, story.assigneeId] : story.editorId ? [story.editorId] : await editorIds(tx);
  const message = moveMessage(move.action, await nameOf(tx, viewer), story, move.note, move.publishAt);
  return notify(tx, { kind: rule.kind, story, message, actorId: viewer.kind === "staff" ? viewer.id : null, to }, now);
}

/** The new assignee hears of it, with the deadline and the desk's brief (whole: it is what they start from) when there are. */
export async function notifyAssignment(tx: Tx, viewer: Viewer & { kind: "staff" }, story: StoryFacts & { deadline: Date | null; brief: string | null }, now: Date) {
  if (!story.assigneeId) return;
  const due = story.deadline ? `, due ${formatDateTime(story.deadline)}` : "";
  const brief = story.brief ? `\n\nBrief: ${story.brief}` : "";
  const message = `${await nameOf(tx, viewer)} assigned ${storyName(story)} to you${due}.${brief}`;
  await notify(tx, { kind: "ASSIGNED", story, message, actorId: viewer.id, to: [story.assigneeId] }, now);
}

const EXCERPT_CHARS = 200;

/**
 * Everyone a comment mentions by @name hears of it — if they may see the
 * story. The notice and its mail carry an excerpt of the comment and the
 * story's name, so a mention of someone who may not (a reporter named on
 * another reporter's draft) tells and mails nobody; asked of the same policy
 * as every other read, for that person.
 */
export async function notifyMentions(tx: Tx, viewer: Viewer & { kind: "staff" }, story: StoryFacts & ArticleFacts, comment: string, now: Date) {
  if (!comment.includes("@")) return;
  const people = await tx.user.findMany({ where: { disabled: false, machine: false }, select: { id: true, name: true, email: true, role: true } });
  const seeing = people.filter((person) => can({ kind: "staff", id: person.id, role: person.role }, "view", story).ok);
  const to = mentionedIn(comment, seeing);
  if (to.length === 0) return;
  const excerpt = comment.length > EXCERPT_CHARS ? `${comment.slice(0, EXCERPT_CHARS - 1)}…` : comment;
  const message = `${await nameOf(tx, viewer)} mentioned you on ${storyName(story)}: ${excerpt}`;
  await notify(tx, { kind: "MENTIONED", story, message, actorId: viewer.id, to }, now);
}

const CORRECTION_WORDS = { CORRECTION: "a correction", CLARIFICATION: "a clarification", UPDATE: "an update" } as const;

/**
 * A correction, clarification or update added to a live story: its author
 * and assignee hear of it (their byline carries it), with the note itself.
 */
export async function notifyCorrection(tx: Tx, viewer: Viewer & { kind: "staff" }, story: StoryFacts, correction: { kind: keyof typeof CORRECTION_WORDS; note: string }, now: Date) {
  const excerpt = correction.note.length > EXCERPT_CHARS ? `${correction.note.slice(0, EXCERPT_CHARS - 1)}…` : correction.note;
  const message = `${await nameOf(tx, viewer)} added ${CORRECTION_WORDS[correction.kind]} to ${storyName(story)}: ${excerpt}`;
  return notify(tx, { kind: "CORRECTED", story, message, actorId: viewer.id, to: [story.authorId, story.assigneeId] }, now);
}

/** A scheduled publish that failed or runs late: every editor hears of it. */
export async function alertEditors(tx: Tx, story: StoryFacts & { scheduledFor: Date }, problem: string, now: Date) {
  const message = `${storyName(story)} was due to publish at ${formatDateTime(story.scheduledFor)} and has not: ${problem}`;
  await notify(tx, { kind: "SCHEDULE_MISSED", story, message, actorId: null, to: await editorIds(tx) }, now);
}

/** A live story's photo whose rights lapse within the week, or have: every editor hears of it (lib/media/rights-warnings.ts). */
export async function alertPhotoRights(tx: Tx, story: StoryFacts, problem: string, now: Date) {
  await notify(tx, { kind: "PHOTO_RIGHTS", story, message: `${storyName(story)}: ${problem}`, actorId: null, to: await editorIds(tx) }, now);
}
