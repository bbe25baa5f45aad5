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

/**
 * Facts about the story besides its state that a move may require:
 * `live` — readers have a version of it; `not_live` — they have none;
 * `changes` — the working copy holds something readers do not have yet
 * (always true for a story that is not live).
 */
export type Condition = "live" | "not_live" | "changes";

export interface Transition {
  from: readonly ArticleState[];
  to: ArticleState;
  /** where the move leads instead when the story is live (a live story is never a plain draft) */
  toWhenLive?: ArticleState;
  who: Partial<Record<Actor, Reach>>;
  when?: readonly Condition[];
  /**
   * what the move must carry: a note for the author, a time in the future, the
   * version that was reviewed; and what the story must have — a headline (a
   * draft may be untitled while it is written, nothing in review or live may),
   * an image in every photo slot (ingested copy brings captions before photos)
   */
  needs?: readonly ("note" | "publishAt" | "version" | "headline" | "photos")[];
  /**
   * what it does to what readers get: make a revision live (`set`) — the
   * reviewed version, or with `liveFrom: "scheduled"` the one that was
   * scheduled — or take the story down (`clear`)
   */
  live?: "set" | "clear";
  liveFrom?: "scheduled";
  /** the revision a scheduled story will publish: `pin` the reviewed version, `keep` the one scheduled; any other move clears it */
  scheduled?: "pin" | "keep";
  /** `reset`: the working copy becomes the live version again (a new revision, history kept) */
  workingCopy?: "reset";
  /** readers' corrections written while the changes were unpublished go public with them */
  corrections?: "publish";
  /** taken down, it leaves its front-page slot (the slots below move up) and its share links end */
  withdraws?: true;
  /**
   * under an embargo not yet over (lib/publishing/embargo.ts): `schedule` — the
   * move schedules the reviewed version for the embargo's end instead;
   * `not_before` — a publish time before the end moves to the end; `refuse` —
   * the move waits for the end (or an editor's lift)
   */
  underEmbargo?: "schedule" | "not_before" | "refuse";
  /** the newsroom's publishing checks (lib/publishing/checks.ts) judge the version it makes live or schedules */
  checked?: true;
  /**
   * what partners hear (lib/publishing/outbound.ts): a first publish is
   * `published`, of a story readers already have `changes_published`;
   * `embargoed`/`withheld` only of a story under embargo; a takedown only of
   * a story partners had
   */
  tells?: "publication" | "unpublished" | "archived" | "embargoed" | "withheld";
  /** under the four-eyes rule, the author may not take this move */
  fourEyes?: true;
  /**
   * who hears of it in their inbox: `desk` — the story's editor, or every
   * editor when it has none; `writers` — its author and its assignee
   */
  notify?: { kind: NoticeKind; to: "desk" | "writers" };
}

/** What a notification reports (the moves' kinds, and the ones that are not moves). */
export const NOTICE_KINDS = ["SUBMITTED", "CHANGES_REQUESTED", "PUBLISHED", "SCHEDULED", "UNPUBLISHED", "ASSIGNED", "MENTIONED", "SCHEDULE_MISSED", "CORRECTED", "PHOTO_RIGHTS"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

const EDITORS = { EDITOR: "any", ADMIN: "any" } as const;
const LIVE_STATES = ["PUBLISHED", "IN_REVIEW", "CHANGES_REQUESTED", "SCHEDULED"] as const;

export const TRANSITIONS = {
  submit: { from: ["DRAFT", "CHANGES_REQUESTED", "PUBLISHED"], to: "IN_REVIEW", who: { REPORTER: "own", ...EDITORS }, when: ["changes"], needs: ["headline"], notify: { kind: "SUBMITTED", to: "desk" } },
  withdraw: { from: ["IN_REVIEW"], to: "DRAFT", toWhenLive: "PUBLISHED", who: { REPORTER: "own", EDITOR: "own", ADMIN: "own" } },
  request_changes: { from: ["IN_REVIEW"], to: "CHANGES_REQUESTED", who: EDITORS, needs: ["note"], notify: { kind: "CHANGES_REQUESTED", to: "writers" } },
  publish: { from: ["IN_REVIEW", "DRAFT"], to: "PUBLISHED", who: EDITORS, when: ["not_live"], needs: ["version", "headline", "photos"], live: "set", corrections: "publish", underEmbargo: "schedule", checked: true, tells: "publication", fourEyes: true, notify: { kind: "PUBLISHED", to: "writers" } },
  publish_changes: { from: ["PUBLISHED", "IN_REVIEW", "CHANGES_REQUESTED"], to: "PUBLISHED", who: EDITORS, when: ["live", "changes"], needs: ["version", "headline", "photos"], live: "set", corrections: "publish", underEmbargo: "refuse", checked: true, tells: "publication", fourEyes: true, notify: { kind: "PUBLISHED", to: "writers" } },
  discard_changes: { from: ["PUBLISHED", "IN_REVIEW", "CHANGES_REQUESTED"], to: "PUBLISHED", who: { REPORTER: "own", ...EDITORS }, when: ["live", "changes"], needs: ["version"], workingCopy: "reset" },
  schedule: { from: ["IN_REVIEW"], to: "SCHEDULED", who: EDITORS, needs: ["publishAt", "version", "headline", "photos"], scheduled: "pin", underEmbargo: "not_before", checked: true, tells: "embargoed", fourEyes: true, notify: { kind: "SCHEDULED", to: "writers" } },
  /** a new time for the version that was scheduled (not the working copy, which may have changed since) */
  reschedule: { from: ["SCHEDULED"], to: "SCHEDULED", who: EDITORS, needs: ["publishAt"], scheduled: "keep", underEmbargo: "not_before", tells: "embargoed", fourEyes: true, notify: { kind: "SCHEDULED", to: "writers" } },
  unschedule: { from: ["SCHEDULED"], to: "IN_REVIEW", who: EDITORS, tells: "withheld" },
  publish_scheduled: { from: ["SCHEDULED"], to: "PUBLISHED", who: { SYSTEM: "any" }, live: "set", liveFrom: "scheduled", corrections: "publish", underEmbargo: "refuse", checked: true, tells: "publication", notify: { kind: "PUBLISHED", to: "writers" } },
  unpublish: { from: LIVE_STATES, to: "DRAFT", who: EDITORS, when: ["live"], needs: ["note"], live: "clear", withdraws: true, tells: "unpublished", notify: { kind: "UNPUBLISHED", to: "writers" } },
  archive: { from: ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "SCHEDULED", "PUBLISHED"], to: "ARCHIVED", who: EDITORS, live: "clear", withdraws: true, tells: "archived" },
  restore: { from: ["ARCHIVED"], to: "DRAFT", who: EDITORS },
} as const satisfies Record<string, Transition>;

export type WorkflowAction = keyof typeof TRANSITIONS;
export const WORKFLOW_ACTIONS = Object.keys(TRANSITIONS) as WorkflowAction[];

/** The table entry, typed as a Transition (the literal types above are for the action names). */
export const transitionOf = (action: WorkflowAction): Transition => TRANSITIONS[action];

/**
 * Who may change an article's working copy in each state. A reporter may
 * edit their own live story and submit the changes; readers keep the live
 * version until an editor publishes them.
 */
export const EDITING: Record<ArticleState, Partial<Record<StaffRole, Reach>>> = {
  DRAFT: { REPORTER: "own", ...EDITORS },
  CHANGES_REQUESTED: { REPORTER: "own", ...EDITORS },
  IN_REVIEW: EDITORS,
  SCHEDULED: EDITORS,
  PUBLISHED: { REPORTER: "own", ...EDITORS },
  ARCHIVED: {},
};

/**
 * Live coverage: a story whose readers get a stream of short entries under its
 * opening (the opening moves through the table above like any story). The
 * entries' own facts, in the same style: who may take each, on which entries,
 * and what the newsroom's approval rule changes. Entries belong to live
 * coverage only; posting needs coverage an editor has not ended.
 */
export const ENTRY_STATES = ["PENDING", "POSTED", "DELETED"] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export interface EntryTransition {
  who: Partial<Record<StaffRole, Reach>>;
  /** the states of the entry it acts on; none for an action that makes one or acts on the coverage */
  on?: readonly EntryState[];
  /**
   * under the approval rule, only editors take it on what readers see: a
   * writer's new entry waits in the queue instead (queue_entry), and a
   * writer changes only their entries still waiting
   */
  approval?: true;
  /**
   * `open`: not ended (entries may be written before the first publish, which starts the coverage);
   * `running`: readers have it and it has not ended; `ended`: an editor ended it
   */
  coverage?: "open" | "running" | "ended";
}

const WRITERS_AND_EDITORS = { REPORTER: "own", ...EDITORS } as const;

export const ENTRY_TRANSITIONS = {
  post_entry: { who: WRITERS_AND_EDITORS, approval: true, coverage: "open" },
  queue_entry: { who: WRITERS_AND_EDITORS, coverage: "open" },
  approve_entry: { who: EDITORS, on: ["PENDING"], coverage: "open" },
  edit_entry: { who: WRITERS_AND_EDITORS, on: ["PENDING", "POSTED"], approval: true },
  pin_entry: { who: EDITORS, on: ["PENDING", "POSTED"] },
  delete_entry: { who: WRITERS_AND_EDITORS, on: ["PENDING", "POSTED"], approval: true },
  end_coverage: { who: EDITORS, coverage: "running" },
  resume_coverage: { who: EDITORS, coverage: "ended" },
} as const satisfies Record<string, EntryTransition>;

export type EntryAction = keyof typeof ENTRY_TRANSITIONS;
export const entryTransitionOf = (action: EntryAction): EntryTransition => ENTRY_TRANSITIONS[action];
export const isEntryAction = (action: string): action is EntryAction => Object.hasOwn(ENTRY_TRANSITIONS, action);

/** How history names each entry fact. */
export const ENTRY_ACTION_LABELS: Record<EntryAction, string> = {
  post_entry: "Posted an entry",
  queue_entry: "Sent an entry for approval",
  approve_entry: "Approved and posted an entry",
  edit_entry: "Edited an entry",
  pin_entry: "Pinned an entry",
  delete_entry: "Deleted an entry",
  end_coverage: "Ended live coverage",
  resume_coverage: "Resumed live coverage",
};

/**
 * The desk's facts about a story that are not moves — its embargo and its
 * legal review. Each leaves a WorkflowEvent like a move; who may take each
 * is in lib/policy.ts (`set_…`/`mark_…` go with the right to edit, lifting
 * and unmarking are the desk's, clearing is a right an admin grants).
 */
export const DESK_FACT_LABELS = {
  set_embargo: "Set the embargo",
  lift_embargo: "Lifted the embargo early",
  mark_legal_review: "Asked for legal review",
  unmark_legal_review: "Withdrew the request for legal review",
  clear_legal_review: "Cleared by legal",
} as const;
export type DeskFact = keyof typeof DESK_FACT_LABELS;
export const isDeskFact = (action: string): action is DeskFact => Object.hasOwn(DESK_FACT_LABELS, action);

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
  publish_changes: "Publish changes",
  discard_changes: "Discard changes",
  schedule: "Schedule",
  reschedule: "Reschedule",
  unschedule: "Unschedule",
  publish_scheduled: "Published on schedule",
  unpublish: "Unpublish",
  archive: "Archive",
  restore: "Restore",
};
