import { AppError, forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mayPlan, type Viewer } from "@/lib/policy";
import { PLANNING_FIELDS, type CreateArticleInput } from "./schemas";

type Tx = Prisma.TransactionClient;
export type Plan = Pick<CreateArticleInput, (typeof PLANNING_FIELDS)[number]>;

/** The planning fields a request carries, and whether it carries any. */
export function planOf(input: Plan): Plan | null {
  const plan = Object.fromEntries(PLANNING_FIELDS.filter((field) => input[field] !== undefined).map((field) => [field, input[field]])) as Plan;
  return Object.keys(plan).length > 0 ? plan : null;
}

/**
 * Checks a plan and turns it into columns: only editors plan; an assignee
 * is an active member of staff, the story's editor an active editor. A
 * deadline already past is allowed (a late story is still a story) and
 * comes back as a warning.
 */
export async function planColumns(tx: Tx, viewer: Viewer, plan: Plan, now: Date): Promise<{ data: Plan; warnings: string[] }> {
  if (!mayPlan(viewer)) throw forbidden("Only editors assign stories and set deadlines and slots.");
  const people = await tx.user.findMany({
    where: { id: { in: [plan.assigneeId, plan.editorId].filter((id): id is string => typeof id === "string") }, disabled: false, machine: false },
    select: { id: true, role: true },
  });
  if (plan.assigneeId && !people.some((person) => person.id === plan.assigneeId)) {
    throw new AppError("VALIDATION", "assigneeId: not an active member of staff.", { field: "assigneeId" });
  }
  if (plan.editorId && !people.some((person) => person.id === plan.editorId && person.role !== "REPORTER")) {
    throw new AppError("VALIDATION", "editorId: not an active editor.", { field: "editorId" });
  }
  const warnings = plan.deadline && plan.deadline.getTime() < now.getTime() ? ["deadline: the deadline has already passed."] : [];
  return { data: plan, warnings };
}
