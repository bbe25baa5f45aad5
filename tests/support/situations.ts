import type { ArticleFacts } from "@/lib/policy";
import type { ArticleState } from "@/lib/workflow";

/**
 * Every situation a story can be in: its state, and whether readers have a
 * version of it and whether the working copy holds more. A DRAFT or an
 * ARCHIVED story is never live (the database refuses it).
 */
export interface Situation {
  name: string;
  status: ArticleState;
  live: boolean;
  changes: boolean;
}

export const SITUATIONS: Situation[] = [
  { name: "DRAFT", status: "DRAFT", live: false, changes: true },
  { name: "IN_REVIEW", status: "IN_REVIEW", live: false, changes: true },
  { name: "CHANGES_REQUESTED", status: "CHANGES_REQUESTED", live: false, changes: true },
  { name: "SCHEDULED", status: "SCHEDULED", live: false, changes: true },
  { name: "PUBLISHED", status: "PUBLISHED", live: true, changes: false },
  { name: "PUBLISHED+changes", status: "PUBLISHED", live: true, changes: true },
  { name: "IN_REVIEW (live)", status: "IN_REVIEW", live: true, changes: true },
  { name: "CHANGES_REQUESTED (live)", status: "CHANGES_REQUESTED", live: true, changes: true },
  { name: "SCHEDULED (live)", status: "SCHEDULED", live: true, changes: true },
  { name: "ARCHIVED", status: "ARCHIVED", live: false, changes: true },
];

export const factsOf = (situation: Situation, authorId: string): ArticleFacts => ({ status: situation.status, authorId, live: situation.live, changes: situation.changes });
