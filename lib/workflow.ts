/**
 * The editorial workflow as data: every state, every action with the states
 * it may start from, the state it leads to and who may take it. Services and
 * the UI both read this table; nothing else decides what a move is. Pure: no
 * imports, no I/O.
 */
export const ARTICLE_STATES = ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "SCHEDULED", "PUBLISHED", "ARCHIVED"] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

export const STAFF_ROLES = ["REPORTER", "EDITOR", "ADMIN"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The scheduler acts through the table like anyone else, never around it. */
export type Actor = StaffRole | "SYSTEM";

/** `own`: only on articles the actor wrote; `any`: on every article. */
export type Reach = "own" | "any";

export interface Transition {
  from: readonly ArticleState[];
  to: ArticleState;
  who: Partial<Record<Actor, Reach>>;
  /** what the move must carry: a note for the author, a time in the future */
  needs?: readonly ("note" | "publishAt")[];
}

const EDITORS = { EDITOR: "any", ADMIN: "any" } as const;

export const TRANSITIONS = {
  submit: { from: ["DRAFT", "CHANGES_REQUESTED"], to: "IN_REVIEW", who: { REPORTER: "own", ...EDITORS } },
  withdraw: { from: ["IN_REVIEW"], to: "DRAFT", who: { REPORTER: "own", EDITOR: "own", ADMIN: "own" } },
  request_changes: { from: ["IN_REVIEW"], to: "CHANGES_REQUESTED", who: EDITORS, needs: ["note"] },
  publish: { from: ["IN_REVIEW", "DRAFT"], to: "PUBLISHED", who: EDITORS },
  schedule: { from: ["IN_REVIEW"], to: "SCHEDULED", who: EDITORS, needs: ["publishAt"] },
  unschedule: { from: ["SCHEDULED"], to: "IN_REVIEW", who: EDITORS },
  publish_scheduled: { from: ["SCHEDULED"], to: "PUBLISHED", who: { SYSTEM: "any" } },
  unpublish: { from: ["PUBLISHED"], to: "DRAFT", who: EDITORS, needs: ["note"] },
  archive: { from: ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "SCHEDULED", "PUBLISHED"], to: "ARCHIVED", who: EDITORS },
  restore: { from: ["ARCHIVED"], to: "DRAFT", who: EDITORS },
} as const satisfies Record<string, Transition>;

export type WorkflowAction = keyof typeof TRANSITIONS;
export const WORKFLOW_ACTIONS = Object.keys(TRANSITIONS) as WorkflowAction[];

/** Who may change an article's text in each state; a published story is copy-edited by editors only. */
export const EDITING: Record<ArticleState, Partial<Record<StaffRole, Reach>>> = {
  DRAFT: { REPORTER: "own", ...EDITORS },
  CHANGES_REQUESTED: { REPORTER: "own", ...EDITORS },
  IN_REVIEW: EDITORS,
  SCHEDULED: EDITORS,
  PUBLISHED: EDITORS,
  ARCHIVED: {},
};

/** The label staff see for each state. */
export const STATE_LABELS: Record<ArticleState, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  CHANGES_REQUESTED: "Changes requested",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
};

/** The button staff press for each action. */
export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: "Submit for review",
  withdraw: "Withdraw",
  request_changes: "Request changes",
  publish: "Publish",
  schedule: "Schedule",
  unschedule: "Unschedule",
  publish_scheduled: "Published on schedule",
  unpublish: "Unpublish",
  archive: "Archive",
  restore: "Restore",
};
