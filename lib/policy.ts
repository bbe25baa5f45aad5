import type { Prisma } from "@/lib/generated/prisma/client";
import { EDITING, TRANSITIONS, WORKFLOW_ACTIONS, type Actor, type ArticleState, type Reach, type StaffRole, type WorkflowAction } from "@/lib/workflow";

/**
 * Who may do what, decided in one pure place. Services ask it inside their
 * transaction (the check that counts); pages ask it to draw controls. No
 * database, no session, no framework here.
 */
export interface StaffViewer {
  kind: "staff";
  id: string;
  role: StaffRole;
}
export type Viewer = StaffViewer | { kind: "system" };

export const SYSTEM: Viewer = { kind: "system" };

export interface ArticleFacts {
  status: ArticleState;
  authorId: string;
}

export type ArticleAction = WorkflowAction | "view" | "edit" | "comment" | "correct";
export type Decision = { ok: true } | { ok: false; reason: "not_visible" | "forbidden" | "invalid_transition" };

const ALLOW: Decision = { ok: true };
const deny = (reason: "not_visible" | "forbidden" | "invalid_transition"): Decision => ({ ok: false, reason });

const actorOf = (viewer: Viewer): Actor => (viewer.kind === "system" ? "SYSTEM" : viewer.role);
const owns = (viewer: Viewer, article: ArticleFacts) => viewer.kind === "staff" && viewer.id === article.authorId;
const reaches = (reach: Reach | undefined, viewer: Viewer, article: ArticleFacts) =>
  reach === "any" || (reach === "own" && owns(viewer, article));

export const isEditor = (viewer: Viewer) => viewer.kind === "staff" && viewer.role !== "REPORTER";

/** Staff see every published article; reporters see their own work besides, editors everything. */
function mayView(viewer: Viewer, article: ArticleFacts): boolean {
  if (viewer.kind === "system") return true;
  return isEditor(viewer) || article.status === "PUBLISHED" || owns(viewer, article);
}

export function can(viewer: Viewer, action: ArticleAction, article: ArticleFacts): Decision {
  if (!mayView(viewer, article)) return deny("not_visible");
  if (action === "view") return ALLOW;
  if (action === "comment") return viewer.kind === "staff" ? ALLOW : deny("forbidden");
  if (action === "correct") {
    // A correction note is for a story readers have seen, added by an editor.
    if (!isEditor(viewer)) return deny("forbidden");
    return article.status === "PUBLISHED" ? ALLOW : deny("invalid_transition");
  }
  if (action === "edit") {
    if (viewer.kind === "system") return deny("forbidden");
    return reaches(EDITING[article.status][viewer.role], viewer, article) ? ALLOW : deny("forbidden");
  }
  const transition = TRANSITIONS[action];
  // The actor's right is checked before the state, so a reporter learns nothing from "wrong moment".
  const reach: Reach | undefined = (transition.who as Partial<Record<Actor, Reach>>)[actorOf(viewer)];
  if (!reaches(reach, viewer, article)) return deny("forbidden");
  return (transition.from as readonly ArticleState[]).includes(article.status) ? ALLOW : deny("invalid_transition");
}

export const allowedActions = (viewer: Viewer, article: ArticleFacts): WorkflowAction[] =>
  WORKFLOW_ACTIONS.filter((action) => can(viewer, action, article).ok);

/** The query twin of "may view": hidden rows are simply not found. */
export function visibleWhere(viewer: Viewer): Prisma.ArticleWhereInput {
  if (viewer.kind === "system" || isEditor(viewer)) return {};
  return { OR: [{ status: "PUBLISHED" }, { authorId: viewer.id }] };
}

/** Non-article rights, one line each. */
export const mayCreateArticles = (viewer: Viewer) => viewer.kind === "staff";
export const mayManageUsers = (viewer: Viewer) => viewer.kind === "staff" && viewer.role === "ADMIN";
export const maySeeReviewQueue = isEditor;
