import { describe, expect, it } from "vitest";
import { allowedActions, can, DEFAULT_RULES, heldByFourEyes, SYSTEM, visibleWhere, type ArticleAction, type ArticleFacts, type NewsroomRules, type Viewer } from "@/lib/policy";
import { transitionOf, WORKFLOW_ACTIONS } from "@/lib/workflow";
import { factsOf, SITUATIONS, type Situation } from "../support/situations";

/**
 * The rules as the issues state them, written independently of
 * lib/workflow.ts, so that a wrong table fails here instead of agreeing
 * with itself.
 */
type Who = "reporter-own" | "reporter-other" | "editor-own" | "editor-other" | "admin-other" | "system";
const WHO: Who[] = ["reporter-own", "reporter-other", "editor-own", "editor-other", "admin-other", "system"];
const AUTHOR = "author-1";

function viewerFor(who: Who): Viewer {
  if (who === "system") return SYSTEM;
  const [role, ownership] = who.split("-") as ["reporter" | "editor" | "admin", "own" | "other"];
  return { kind: "staff", role: role.toUpperCase() as "REPORTER", id: ownership === "own" ? AUTHOR : `someone-else-${role}` };
}

const isEditor = (w: Who) => w.startsWith("editor") || w.startsWith("admin");
const LIVE_STATES = ["PUBLISHED", "IN_REVIEW", "CHANGES_REQUESTED", "SCHEDULED"];
const RULES: Record<string, { allowed: (s: Situation) => boolean; who: (w: Who) => boolean; fourEyes?: true }> = {
  submit: { allowed: (s) => ["DRAFT", "CHANGES_REQUESTED"].includes(s.status) || (s.status === "PUBLISHED" && s.changes), who: (w) => w === "reporter-own" || isEditor(w) },
  withdraw: { allowed: (s) => s.status === "IN_REVIEW", who: (w) => w.endsWith("-own") },
  request_changes: { allowed: (s) => s.status === "IN_REVIEW", who: isEditor },
  publish: { allowed: (s) => ["IN_REVIEW", "DRAFT"].includes(s.status) && !s.live, who: isEditor, fourEyes: true },
  publish_changes: { allowed: (s) => ["PUBLISHED", "IN_REVIEW", "CHANGES_REQUESTED"].includes(s.status) && s.live && s.changes, who: isEditor, fourEyes: true },
  discard_changes: { allowed: (s) => ["PUBLISHED", "IN_REVIEW", "CHANGES_REQUESTED"].includes(s.status) && s.live && s.changes, who: (w) => w === "reporter-own" || isEditor(w) },
  schedule: { allowed: (s) => s.status === "IN_REVIEW", who: isEditor, fourEyes: true },
  reschedule: { allowed: (s) => s.status === "SCHEDULED", who: isEditor, fourEyes: true },
  unschedule: { allowed: (s) => s.status === "SCHEDULED", who: isEditor },
  publish_scheduled: { allowed: (s) => s.status === "SCHEDULED", who: (w) => w === "system" },
  unpublish: { allowed: (s) => LIVE_STATES.includes(s.status) && s.live, who: isEditor },
  archive: { allowed: (s) => s.status !== "ARCHIVED", who: isEditor },
  restore: { allowed: (s) => s.status === "ARCHIVED", who: isEditor },
};

function expected(who: Who, action: ArticleAction, s: Situation, rules: NewsroomRules): string {
  const editor = isEditor(who);
  const visible = who === "system" || editor || who === "reporter-own" || s.live;
  if (!visible) return "not_visible";
  if (action === "view") return "ok";
  if (action === "comment" || action === "preview") return who === "system" ? "forbidden" : "ok";
  if (action === "correct") return !editor ? "forbidden" : s.live ? "ok" : "invalid_transition";
  // Issue #22: sharing a working copy with outsiders (and revoking links) needs the right to edit it.
  // Issue #25: setting an embargo and asking for legal review go with the right to edit; lifting one early and
  // withdrawing the request are the desk's; clearing is a right an admin grants (nobody here holds it).
  if (action === "lift_embargo" || action === "unmark_legal_review") return !editor ? "forbidden" : s.status === "ARCHIVED" ? "invalid_transition" : "ok";
  if (action === "clear_legal_review") return "forbidden";
  if (action === "edit" || action === "share" || action === "set_embargo" || action === "mark_legal_review") {
    if (who === "reporter-own") return ["DRAFT", "CHANGES_REQUESTED", "PUBLISHED"].includes(s.status) ? "ok" : "forbidden";
    return editor && s.status !== "ARCHIVED" ? "ok" : "forbidden";
  }
  const rule = RULES[action]!;
  if (!rule.who(who)) return "forbidden";
  if (rule.fourEyes && rules.fourEyes && who.endsWith("-own")) return "four_eyes";
  return rule.allowed(s) ? "ok" : "invalid_transition";
}

const ACTIONS: ArticleAction[] = ["view", "edit", "comment", "preview", "share", "correct", "set_embargo", "lift_embargo", "mark_legal_review", "unmark_legal_review", "clear_legal_review", ...WORKFLOW_ACTIONS];
const RULE_SETS: NewsroomRules[] = [DEFAULT_RULES, { ...DEFAULT_RULES, fourEyes: true }];
const outcome = (who: Who, action: ArticleAction, s: Situation, rules: NewsroomRules) => {
  const decision = can(viewerFor(who), action, factsOf(s, AUTHOR), rules);
  return decision.ok ? "ok" : decision.reason;
};

describe("can(): every role × action × situation, with and without the four-eyes rule", () => {
  it("covers every workflow action with a rule", () => {
    expect(Object.keys(RULES).sort()).toEqual([...WORKFLOW_ACTIONS].sort());
  });

  for (const rules of RULE_SETS) {
    for (const who of WHO) {
      for (const action of ACTIONS) {
        it(`${rules.fourEyes ? "four-eyes" : "default"} / ${who} / ${action}`, () => {
          for (const situation of SITUATIONS) {
            expect(outcome(who, action, situation, rules), `${who} ${action} on ${situation.name}`).toBe(expected(who, action, situation, rules));
          }
        });
      }
    }
  }

  it("is written out as a table for review", async () => {
    const header = `| rules | who | action | ${SITUATIONS.map((s) => s.name).join(" | ")} |\n|---|---|---|${SITUATIONS.map(() => "---").join("|")}|`;
    const rows = RULE_SETS.flatMap((rules) =>
      WHO.flatMap((who) =>
        ACTIONS.map((action) => {
          const cells = SITUATIONS.map((situation) => outcome(who, action, situation, rules)).map((result) => (result === "ok" ? "✓" : result.replace("_", " ")));
          return `| ${rules.fourEyes ? "four-eyes" : "default"} | ${who} | ${action} | ${cells.join(" | ")} |`;
        }),
      ),
    );
    await expect(
      `# Who may do what\n\nGenerated by tests/unit/policy.test.ts; review changes to it like code. Columns are situations: the state, "(live)" when readers have a version, "+changes" when the working copy holds more.\n\n${header}\n${rows.join("\n")}\n\n${effectsTable()}`,
    ).toMatchFileSnapshot("./__snapshots__/policy-matrix.md");
  });
});

/** What each move does, read off the table's columns (lib/workflow.ts): reviewed here like the rights above. */
function effectsTable(): string {
  const columns = ["live", "liveFrom", "scheduled", "workingCopy", "corrections", "withdraws", "underEmbargo", "checked", "tells", "notify"] as const;
  const cell = (value: unknown) => (value === undefined ? "" : typeof value === "object" ? `${(value as { kind: string }).kind} → ${(value as { to: string }).to}` : String(value));
  const rows = WORKFLOW_ACTIONS.map((action) => {
    const transition = transitionOf(action);
    return `| ${action} | ${transition.to}${transition.toWhenLive ? ` (live: ${transition.toWhenLive})` : ""} | ${columns.map((column) => cell(transition[column])).join(" | ")} |`;
  });
  return `## What each move does\n\n| action | to | ${columns.join(" | ")} |\n|---|---|${columns.map(() => "---").join("|")}|\n${rows.join("\n")}\n`;
}

describe("the reporter a story is assigned to", () => {
  it("may do with it whatever its author may, in every situation and under either rule set", () => {
    const assignee: Viewer = { kind: "staff", role: "REPORTER", id: "assignee-1" };
    const author: Viewer = { kind: "staff", role: "REPORTER", id: AUTHOR };
    for (const rules of RULE_SETS) {
      for (const situation of SITUATIONS) {
        const facts = { ...factsOf(situation, AUTHOR), assigneeId: "assignee-1" };
        for (const action of ACTIONS) expect(can(assignee, action, facts, rules), `${action} on ${situation.name}`).toEqual(can(author, action, facts, rules));
      }
    }
  });

  it("finds it among what they may see", () => {
    expect(visibleWhere({ kind: "staff", role: "REPORTER", id: "assignee-1" }).OR).toContainEqual({ assigneeId: "assignee-1" });
  });
});

describe("visibleWhere() agrees with can(view)", () => {
  const articles: ArticleFacts[] = SITUATIONS.flatMap((situation) => [factsOf(situation, AUTHOR), factsOf(situation, "other-author")]);
  /** Evaluates the where-clause shapes visibleWhere produces, as Postgres would. */
  const matches = (where: ReturnType<typeof visibleWhere>, article: ArticleFacts): boolean => {
    if (Array.isArray(where.OR)) return where.OR.some((clause) => matches(clause, article));
    return Object.entries(where).every(([key, value]) => (key === "liveRevisionId" ? article.live === ((value as { not?: null }).not === null) : article[key as keyof ArticleFacts] === value));
  };

  for (const who of WHO) {
    it(who, () => {
      const viewer = viewerFor(who);
      for (const article of articles) {
        expect(matches(visibleWhere(viewer), article), `${article.status} live=${article.live} by ${article.authorId}`).toBe(can(viewer, "view", article).ok);
      }
    });
  }
});

describe("allowedActions()", () => {
  const situation = (name: string) => factsOf(SITUATIONS.find((s) => s.name === name)!, AUTHOR);

  it("offers a reporter submit on their own draft and on their live story's changes, and nothing on an editor's queue", () => {
    const reporter = viewerFor("reporter-own");
    expect(allowedActions(reporter, situation("DRAFT"))).toEqual(["submit"]);
    expect(allowedActions(reporter, situation("IN_REVIEW"))).toEqual(["withdraw"]);
    expect(allowedActions(reporter, situation("PUBLISHED+changes"))).toEqual(["submit", "discard_changes"]);
    expect(allowedActions(viewerFor("reporter-other"), situation("PUBLISHED"))).toEqual([]);
  });

  it("offers an editor the review moves, and publishing changes only on a live story", () => {
    expect(allowedActions(viewerFor("editor-other"), situation("IN_REVIEW"))).toEqual(["request_changes", "publish", "schedule", "archive"]);
    expect(allowedActions(viewerFor("editor-other"), situation("IN_REVIEW (live)"))).toEqual(["request_changes", "publish_changes", "discard_changes", "schedule", "unpublish", "archive"]);
  });

  it("holds the author's own publishing back under the four-eyes rule, and says so", () => {
    const author = viewerFor("editor-own");
    const rules = { ...DEFAULT_RULES, fourEyes: true };
    expect(allowedActions(author, situation("IN_REVIEW"), rules)).toEqual(["withdraw", "request_changes", "archive"]);
    expect(heldByFourEyes(author, situation("IN_REVIEW"), rules)).toEqual(["publish", "schedule"]);
    expect(heldByFourEyes(viewerFor("editor-other"), situation("IN_REVIEW"), rules)).toEqual([]);
  });
});

describe("can() on live entries: the table ENTRY_TRANSITIONS, the approval rule, the coverage", () => {
  const live = { status: "PUBLISHED", authorId: AUTHOR, live: true, changes: false, kind: "LIVE", coverageEndedAt: null } as const satisfies ArticleFacts;
  const approval = { ...DEFAULT_RULES, liveEntriesNeedApproval: true };
  const decide = (who: Who, action: ArticleAction, article: ArticleFacts, rules = DEFAULT_RULES, entry?: { status: "PENDING" | "POSTED" }) => {
    const decision = can(viewerFor(who), action, article, rules, entry);
    return decision.ok ? "ok" : decision.reason;
  };

  it("lets the story's writers and editors post, and holds writers to the queue under the approval rule", () => {
    expect(decide("reporter-own", "post_entry", live)).toBe("ok");
    expect(decide("reporter-other", "post_entry", live)).toBe("forbidden");
    expect(decide("reporter-own", "post_entry", live, approval)).toBe("approval");
    expect(decide("reporter-own", "queue_entry", live, approval)).toBe("ok");
    expect(decide("editor-other", "post_entry", live, approval)).toBe("ok");
  });

  it("under the approval rule, a writer changes only entries still waiting; only editors approve and pin", () => {
    expect(decide("reporter-own", "edit_entry", live, approval, { status: "PENDING" })).toBe("ok");
    expect(decide("reporter-own", "edit_entry", live, approval, { status: "POSTED" })).toBe("approval");
    expect(decide("reporter-own", "delete_entry", live, DEFAULT_RULES, { status: "POSTED" })).toBe("ok");
    expect(decide("reporter-own", "approve_entry", live, approval, { status: "PENDING" })).toBe("forbidden");
    expect(decide("editor-other", "approve_entry", live, approval, { status: "POSTED" })).toBe("invalid_transition");
    expect(decide("reporter-own", "pin_entry", live, DEFAULT_RULES, { status: "POSTED" })).toBe("forbidden");
    expect(decide("editor-other", "pin_entry", live, DEFAULT_RULES, { status: "POSTED" })).toBe("ok");
  });

  it("takes entries on live coverage only, not when it has ended or the story is archived; ends only what runs", () => {
    expect(decide("editor-other", "post_entry", { ...live, kind: "STORY" })).toBe("not_live_coverage");
    expect(decide("editor-other", "post_entry", { ...live, coverageEndedAt: new Date() })).toBe("invalid_transition");
    expect(decide("editor-other", "edit_entry", { ...live, coverageEndedAt: new Date() }, DEFAULT_RULES, { status: "POSTED" })).toBe("ok");
    expect(decide("editor-other", "post_entry", { ...live, status: "ARCHIVED", live: false })).toBe("invalid_transition");
    expect(decide("reporter-own", "post_entry", { ...live, status: "DRAFT", live: false, changes: true })).toBe("ok");
    expect(decide("editor-other", "end_coverage", { ...live, status: "DRAFT", live: false, changes: true })).toBe("invalid_transition");
    expect(decide("editor-other", "end_coverage", live)).toBe("ok");
    expect(decide("reporter-own", "end_coverage", live)).toBe("forbidden");
    expect(decide("editor-other", "resume_coverage", { ...live, coverageEndedAt: new Date() })).toBe("ok");
    expect(decide("system", "post_entry", live)).toBe("forbidden");
  });
});
