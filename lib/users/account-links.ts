import { createHash, randomBytes } from "node:crypto";
import { endSessionsOf } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { AccountLinkPurpose, Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/passwords";
import { parseInput } from "@/lib/validation";
import { SetPasswordInput } from "./schemas";

/**
 * Single-use links that let a person choose a password: an invitation for
 * someone new, a reset for someone who lost theirs. Only the link carries
 * the token; the database keeps its hash. A person has at most one working
 * link: issuing a new one revokes the rest.
 */
export const ACCOUNT_LINKS = {
  INVITATION: { ttlMs: 72 * 60 * 60 * 1000, path: "/invitations" },
  PASSWORD_RESET: { ttlMs: 2 * 60 * 60 * 1000, path: "/login/reset" },
} as const satisfies Record<AccountLinkPurpose, { ttlMs: number; path: string }>;

export type LinkPurpose = keyof typeof ACCOUNT_LINKS;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface IssuedLink {
  url: string;
  expiresAt: Date;
}

/** Issues a link inside the caller's transaction, revoking the person's earlier unspent ones. */
export async function issueAccountLink(
  tx: Prisma.TransactionClient,
  { userId, createdById, purpose }: { userId: string; createdById: string; purpose: AccountLinkPurpose },
  now = new Date(),
): Promise<IssuedLink> {
  await tx.accountLink.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const token = randomBytes(32).toString("base64url");
  const link = await tx.accountLink.create({
    data: { userId, createdById, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ACCOUNT_LINKS[purpose].ttlMs) },
  });
  return { url: `${appUrl()}${ACCOUNT_LINKS[purpose].path}/${token}`, expiresAt: link.expiresAt };
}

const working = (purpose: AccountLinkPurpose, token: string, now: Date) =>
  ({ tokenHash: hashToken(token), purpose, usedAt: null, revokedAt: null, expiresAt: { gt: now }, user: { disabled: false } }) satisfies Prisma.AccountLinkWhereInput;

/** The person a link is for, if it still works. */
export async function openAccountLink(purpose: AccountLinkPurpose, token: string, now = new Date()) {
  const link = await db().accountLink.findFirst({ where: working(purpose, token, now), select: { user: { select: { name: true, email: true } } } });
  return link?.user ?? null;
}

const SPENT = "This link has expired, was already used or was replaced by a newer one. Ask for a new one.";

/**
 * Sets the password and spends the link, once (its conditions sit in the
 * UPDATE's WHERE). Every session the person had ends: whoever held their
 * old password is out.
 */
export async function spendAccountLink(purpose: AccountLinkPurpose, input: unknown, now = new Date()): Promise<{ email: string }> {
  const { token, password } = parseInput(SetPasswordInput, input);
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const { count } = await tx.accountLink.updateMany({ where: working(purpose, token, now), data: { usedAt: now } });
    if (count !== 1) throw new AppError("NOT_FOUND", SPENT);
    const link = await tx.accountLink.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    const user = await tx.user.update({ where: { id: link.userId }, data: { passwordHash } });
    await endSessionsOf(tx, user.id);
    return { email: user.email };
  });
}

/** The emails that carry the links. */
export const invitationMail = (user: { name: string; email: string; role: string }, link: IssuedLink) => ({
  to: user.email,
  subject: "Your Copydesk account",
  text:
    `Hello ${user.name},\n\nYou have been invited to the Copydesk newsroom as ${user.role.toLowerCase()}.\n` +
    `Choose your password here (the link works once, until ${link.expiresAt.toUTCString()}):\n\n${link.url}\n`,
});

export const resetMail = (user: { name: string; email: string }, link: IssuedLink) => ({
  to: user.email,
  subject: "Reset your Copydesk password",
  text:
    `Hello ${user.name},\n\nSomeone asked to reset the password of your Copydesk newsroom account.\n` +
    `Choose a new password here (the link works once, until ${link.expiresAt.toUTCString()}; it signs you out everywhere else):\n\n${link.url}\n\n` +
    `If it was not you, ignore this email: your password stays as it is.\n`,
});
