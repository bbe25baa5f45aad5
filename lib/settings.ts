import { z } from "zod";
import { db, type Db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_RULES, mayChangeSettings, type NewsroomRules, type Viewer } from "@/lib/policy";
import { CHECK_LEVELS, CHECK_NAMES, DEFAULT_CHECK_LEVELS, DEFAULT_HEADLINE_MAX, isCheckName, type CheckLevel, type CheckName, type CheckSettings } from "@/lib/publishing/checks";
import { lenientEnum, parseInput } from "@/lib/validation";

type SettingsClient = Pick<Db, "newsroomSettings"> | Pick<Prisma.TransactionClient, "newsroomSettings">;

const trueOrFalse = () => z.boolean({ error: "must be true or false" });
const CheckLevelInput = lenientEnum(CHECK_LEVELS, { error: `must be ${CHECK_LEVELS.join(", ")}` });
/** Rule name → level; a name that is no rule is refused by name (a typo must not read as "set"). */
const ChecksInput = z.record(z.string(), CheckLevelInput).check((context) => {
  for (const name of Object.keys(context.value)) {
    if (!isCheckName(name)) context.issues.push({ code: "custom", input: name, path: [name], message: `no such check; the checks are ${CHECK_NAMES.join(", ")}` });
  }
});
const SettingsInput = z
  .object({
    fourEyes: trueOrFalse(),
    liveEntriesNeedApproval: trueOrFalse(),
    checks: ChecksInput,
    headlineMax: z.number({ error: "must be a whole number of characters" }).int("must be a whole number of characters").min(20, "must be at least 20").max(300, "must be at most 300"),
  })
  .partial()
  .strict();
const settingsSelect = { fourEyes: true, liveEntriesNeedApproval: true, checks: true, headlineMax: true } as const;

export interface NewsroomSettings extends NewsroomRules {
  /** every check with its level (the defaults for the ones an admin has not set) */
  checks: Record<CheckName, CheckLevel>;
  headlineMax: number;
}

type StoredSettings = { fourEyes: boolean; liveEntriesNeedApproval: boolean; checks: Prisma.JsonValue; headlineMax: number };

/** Stored levels over the defaults; a stored name that is no longer a rule is ignored. */
function settingsOf(stored: StoredSettings | null): NewsroomSettings {
  if (!stored) return { ...DEFAULT_RULES, checks: { ...DEFAULT_CHECK_LEVELS }, headlineMax: DEFAULT_HEADLINE_MAX };
  const saved = (stored.checks ?? {}) as Record<string, CheckLevel>;
  const checks = Object.fromEntries(CHECK_NAMES.map((name) => [name, CHECK_LEVELS.includes(saved[name]!) ? saved[name]! : DEFAULT_CHECK_LEVELS[name]])) as Record<CheckName, CheckLevel>;
  return { fourEyes: stored.fourEyes, liveEntriesNeedApproval: stored.liveEntriesNeedApproval, checks, headlineMax: stored.headlineMax };
}
async function readSettings(client: SettingsClient = db()): Promise<NewsroomSettings> {
  return settingsOf(await client.newsroomSettings.findUnique({ where: { id: 1 }, select: settingsSelect }));
}

/** The newsroom's rules as they stand (the defaults until an admin changes one). */
export async function newsroomRules(client: SettingsClient = db()): Promise<NewsroomRules> {
  const { fourEyes, liveEntriesNeedApproval } = await readSettings(client);
  return { fourEyes, liveEntriesNeedApproval };
}

/** What the publishing checks are set to (lib/publishing/checks.ts). */
export async function checkSettings(client: SettingsClient = db()): Promise<CheckSettings> {
  const { checks, headlineMax } = await readSettings(client);
  return { levels: checks, headlineMax };
}

export async function getSettings(viewer: Viewer): Promise<NewsroomSettings> {
  if (viewer.kind !== "staff") throw forbidden();
  return readSettings();
}

/** Admins change the newsroom's rules; every later move is judged by them. A check not named keeps its level. */
export async function updateSettings(viewer: Viewer, input: unknown): Promise<NewsroomSettings> {
  if (!mayChangeSettings(viewer)) throw new AppError("FORBIDDEN", "Only admins change the newsroom's settings.");
  const { checks, ...rest } = parseInput(SettingsInput, input);
  return db().$transaction(async (tx) => {
    // One change at a time: two admins (or two quick clicks) setting different checks must both be kept.
    await tx.$executeRaw`INSERT INTO "NewsroomSettings" ("id", "updatedAt") VALUES (1, now()) ON CONFLICT ("id") DO NOTHING`;
    await tx.$queryRaw`SELECT 1 FROM "NewsroomSettings" WHERE "id" = 1 FOR UPDATE`;
    const current = await readSettings(tx);
    const data = { ...rest, ...(checks && { checks: { ...current.checks, ...checks } }) };
    const stored = await tx.newsroomSettings.upsert({ where: { id: 1 }, update: data, create: { id: 1, ...data }, select: settingsSelect });
    return settingsOf(stored);
  });
}
