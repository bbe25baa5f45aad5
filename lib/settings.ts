import { z } from "zod";
import { db, type Db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_RULES, mayChangeSettings, type NewsroomRules, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";

const trueOrFalse = () => z.boolean({ error: "must be true or false" });
const SettingsInput = z.object({ fourEyes: trueOrFalse(), liveEntriesNeedApproval: trueOrFalse() }).partial().strict();
const rulesSelect = { fourEyes: true, liveEntriesNeedApproval: true } as const;

/** The newsroom's rules as they stand (the defaults until an admin changes one). */
export async function newsroomRules(client: Pick<Db, "newsroomSettings"> | Pick<Prisma.TransactionClient, "newsroomSettings"> = db()): Promise<NewsroomRules> {
  const settings = await client.newsroomSettings.findUnique({ where: { id: 1 }, select: rulesSelect });
  return settings ?? DEFAULT_RULES;
}

export async function getSettings(viewer: Viewer): Promise<NewsroomRules> {
  if (viewer.kind !== "staff") throw forbidden();
  return newsroomRules();
}

/** Admins change the newsroom's rules; every later move is judged by them. */
export async function updateSettings(viewer: Viewer, input: unknown): Promise<NewsroomRules> {
  if (!mayChangeSettings(viewer)) throw new AppError("FORBIDDEN", "Only admins change the newsroom's settings.");
  const settings = parseInput(SettingsInput, input);
  return db().newsroomSettings.upsert({ where: { id: 1 }, update: settings, create: { id: 1, ...settings }, select: rulesSelect });
}
