import type { Prisma } from "@/lib/generated/prisma/client";
import {
  EDITING,
  entryTransitionOf,
  isEntryAction,
  transitionOf,
  WORKFLOW_ACTIONS,
  type Actor,
  type ArticleState,
  type Condition,
  type DeskFact,
  type EntryAction,
  type EntryState,
  type EntryTransition,
  type Reach,
  type StaffRole,
  type WorkflowAction,
} from "@/lib/workflow";

/**
 * Who may do what, decided in one pure place. Services ask it inside their
 * transaction (the check that counts); pages ask it to draw controls. No
 * database, no session, no framework here.
 */
export interface StaffViewer {
  kind: "staff";
  id: string;
  role: StaffRole;
  /** may clear stories marked "needs legal review" (a right an admin grants; loaded where it is asked) */
  legalReviewer?: boolean;
}
export type Viewer = StaffViewer | { kind: "system" };

export const SYSTEM: Viewer = { kind: "system" };

/** What the policy knows of an article: its state, who writes it, and what readers have of it. */
export interface ArticleFacts {
  status: ArticleState;
  authorId: string;
  /** the reporter the desk assigned it to: theirs to write, as if they had started it */
  assigneeId?: string | null;
  /** readers have a version of it */
  live: boolean;
  /** the working copy holds something readers do not have (always, when it is not live) */
  changes: boolean;
  /** live coverage (a stream of entries) or a story; a story when not said */
  kind?: "STORY" | "LIVE";
  /** live coverage an editor ended (null or absent while it runs) */
  coverageEndedAt?: Date | null;
}

/** What the policy knows of a live entry. */
export interface EntryFacts {
  status: EntryState;
}

/** The newsroom's settings that change who may do what. */
export interface NewsroomRules {
  /** nobody may publish, schedule or publish the changes of a story they wrote */
  fourEyes: boolean;
  /** reporters' live entries wait for an editor to post them */
  liveEntriesNeedApproval: boolean;
}
export const DEFAULT_RULES: NewsroomRules = { fourEyes: false, liveEntriesNeedApproval: false };

/**
 * `preview`: open the working copy in the reader layout oneself (any staff who may see it);
 * `share`: hand the working copy to outsiders with a link, list and revoke such links.
 */
export type ArticleAction = WorkflowAction | EntryAction | DeskFact | "view" | "edit" | "comment" | "correct" | "preview" | "share";
/** `approval`: held by the newsroom's approval rule for live entries; `not_live_coverage`: an entry fact on a story that is not live coverage */
export type DenialReason = "not_visible" | "forbidden" | "four_eyes" | "approval" | "not_live_coverage" | "invalid_transition";
export type Decision = { ok: true } | { ok: false; reason: DenialReason };

const ALLOW: Decision = { ok: true };
const deny = (reason: DenialReason): Decision => ({ ok: false, reason });

const actorOf = (viewer: Viewer): Actor => (viewer.kind === "system" ? "SYSTEM" : viewer.role);
const owns = (viewer: Viewer, article: ArticleFacts) => viewer.kind === "staff" && (viewer.id === article.authorId || viewer.id === article.assigneeId);
const reaches = (reach: Reach | undefined, viewer: Viewer, article: ArticleFacts) =>
  reach === "any" || (reach === "own" && owns(viewer, article));
const holds = (condition: Condition, article: ArticleFacts) =>
  condition === "live" ? article.live : condition === "not_live" ? !article.live : article.changes;

export const isEditor = (viewer: Viewer) => viewer.kind === "staff" && viewer.role !== "REPORTER";

/** Staff see every live story; reporters see their own work besides, editors everything. */
function mayView(viewer: Viewer, article: ArticleFacts): boolean {
  if (viewer.kind === "system") return true;
  return isEditor(viewer) || article.live || owns(viewer, article);
}

export function can(viewer: Viewer, action: ArticleAction, article: ArticleFacts, rules: NewsroomRules = DEFAULT_RULES, entry?: EntryFacts): Decision {
  if (!mayView(viewer, article)) return deny("not_visible");
  if (action === "view") return ALLOW;
  if (isEntryAction(action)) return canOnEntry(viewer, action, article, rules, entry);
  if (action === "comment" || action === "preview") return viewer.kind === "staff" ? ALLOW : deny("forbidden");
  if (action === "correct") {
    // A correction is for a story readers have seen, added by an editor.
    if (!isEditor(viewer)) return deny("forbidden");
    return article.live ? ALLOW : deny("invalid_transition");
  }
  if (action === "lift_embargo" || action === "unmark_legal_review") {
    if (!isEditor(viewer)) return deny("forbidden");
    return article.status === "ARCHIVED" ? deny("invalid_transition") : ALLOW;
  }
  if (action === "clear_legal_review") {
    if (viewer.kind !== "staff" || !viewer.legalReviewer) return deny("forbidden");
    return article.status === "ARCHIVED" ? deny("invalid_transition") : ALLOW;
  }
  // A share link hands outsiders the unpublished working copy: only whoever may change that copy may
  // give it away (or take it back), so it ends where the right to edit ends — archived, nobody.
  if (action === "edit" || action === "share" || action === "set_embargo" || action === "mark_legal_review") {
    if (viewer.kind === "system") return deny("forbidden");
    return reaches(EDITING[article.status][viewer.role], viewer, article) ? ALLOW : deny("forbidden");
  }
  const transition = transitionOf(action);
  // The actor's right is checked before the state, so a reporter learns nothing from "wrong moment".
  if (!reaches(transition.who[actorOf(viewer)], viewer, article)) return deny("forbidden");
  if (transition.fourEyes && rules.fourEyes && owns(viewer, article)) return deny("four_eyes");
  const inState = transition.from.includes(article.status) && (transition.when ?? []).every((condition) => holds(condition, article));
  return inState ? ALLOW : deny("invalid_transition");
}

/**
 * Entry facts (lib/workflow.ts ENTRY_TRANSITIONS): the right first, as for
 * moves; then the approval rule; then whether the story, its coverage and the
 * entry are in a state for it. An archived story takes no entry facts.
 */
function canOnEntry(viewer: Viewer, action: EntryAction, article: ArticleFacts, rules: NewsroomRules, entry: EntryFacts | undefined): Decision {
  const transition = entryTransitionOf(action);
  if (viewer.kind === "system" || !reaches(transition.who[viewer.role], viewer, article)) return deny("forbidden");
  if (article.kind !== "LIVE") return deny("not_live_coverage");
  const byEditor = transition.who[viewer.role] === "any";
  const seenByReaders = entry ? entry.status === "POSTED" : true;
  if (transition.approval && rules.liveEntriesNeedApproval && !byEditor && seenByReaders) return deny("approval");
  const entryFits = transition.on === undefined || (entry !== undefined && transition.on.includes(entry.status));
  return article.status !== "ARCHIVED" && coverageIs(transition.coverage, article) && entryFits ? ALLOW : deny("invalid_transition");
}

function coverageIs(wanted: EntryTransition["coverage"], article: ArticleFacts): boolean {
  const ended = Boolean(article.coverageEndedAt);
  if (wanted === "open") return !ended;
  if (wanted === "running") return article.live && !ended;
  return wanted === "ended" ? ended : true;
}

export const allowedActions = (viewer: Viewer, article: ArticleFacts, rules: NewsroomRules = DEFAULT_RULES): WorkflowAction[] =>
  WORKFLOW_ACTIONS.filter((action) => can(viewer, action, article, rules).ok);

/** Moves the viewer could take now but for the four-eyes rule: the UI says why instead of offering them. */
export const heldByFourEyes = (viewer: Viewer, article: ArticleFacts, rules: NewsroomRules): WorkflowAction[] =>
  WORKFLOW_ACTIONS.filter((action) => {
    const decision = can(viewer, action, article, rules);
    return !decision.ok && decision.reason === "four_eyes" && can(viewer, action, article, DEFAULT_RULES).ok;
  });

/** The query twin of "may view": hidden rows are simply not found. */
export function visibleWhere(viewer: Viewer): Prisma.ArticleWhereInput {
  if (viewer.kind === "system" || isEditor(viewer)) return {};
  return { OR: [{ liveRevisionId: { not: null } }, { authorId: viewer.id }, { assigneeId: viewer.id }] };
}

/** Non-article rights, one line each. */
export const mayCreateArticles = (viewer: Viewer) => viewer.kind === "staff";
export const mayManageUsers = (viewer: Viewer) => viewer.kind === "staff" && viewer.role === "ADMIN";
export const mayChangeSettings = mayManageUsers;
export const maySeeReviewQueue = isEditor;
export const mayArrangeFrontPage = isEditor;
/** Assigning stories, setting deadlines and slots, rescheduling from the calendar: the desk's work. */
export const mayPlan = isEditor;
