import { z } from "zod";
import { claimOne } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, forbidden } from "@/lib/errors";
import { sendMail } from "@/lib/mailer";
import { mayManageUsers, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { invitationMail, issueAccountLink, resetMail, type IssuedLink } from "./account-links";

export interface ReissuedLink extends IssuedLink {
  name: string;
  emailed: boolean;
}

async function personFor(viewer: Viewer, userId: string) {
  if (!mayManageUsers(viewer) || viewer.kind !== "staff") throw forbidden("Only admins manage users.");
  const user = await db().user.findUnique({ where: { id: userId, machine: false } });
  if (!user) throw new AppError("NOT_FOUND", "There is no such user.");
  if (user.disabled) throw new AppError("VALIDATION", `${user.name}'s account is disabled; enable it first.`);
  return { admin: viewer, user };
}

/** An admin sends a lost or expired invitation again: a new link, and the old one stops working. */
export async function reissueInvitation(viewer: Viewer, userId: string): Promise<ReissuedLink> {
  const { admin, user } = await personFor(viewer, userId);
  if (user.passwordHash) throw new AppError("VALIDATION", `${user.name} has already chosen a password; send a password reset link instead.`);
  const link = await db().$transaction((tx) => issueAccountLink(tx, { userId: user.id, createdById: admin.id, purpose: "INVITATION" }));
  return { ...link, name: user.name, emailed: await sendMail(invitationMail(user, link)) };
}

/** An admin issues a password reset link: mailed when SMTP is set up, and shown to the admin to hand over either way. */
export async function issuePasswordReset(viewer: Viewer, userId: string): Promise<ReissuedLink> {
  const { admin, user } = await personFor(viewer, userId);
  if (!user.passwordHash) throw new AppError("VALIDATION", `${user.name} has not accepted their invitation yet; send the invitation again instead.`);
  const link = await db().$transaction((tx) => issueAccountLink(tx, { userId: user.id, createdById: admin.id, purpose: "PASSWORD_RESET" }));
  return { ...link, name: user.name, emailed: await sendMail(resetMail(user, link)) };
}

const ForgotInput = z.object({ email: z.email("must be an email address").max(320) }).strict();

/**
 * "Forgot password?" limits: a few links an hour per account, and a few
 * requests an hour per requesting address, whichever accounts they name
 * (known or not: the count must not depend on whether an account exists).
 * The address window must fit in throttle.ts's LONGEST_WINDOW_MS, or the
 * sweep would forget a counter still in use.
 */
export const RESET_LIMITS = {
  perAccount: { windowMs: 60 * 60_000, limit: 3 },
  perAddress: { windowMs: 60 * 60_000, limit: 10 },
} as const;

/**
 * "Forgot password?": mails a reset link to an active account with that
 * address. The answer is the same whether or not one exists, and the mail
 * goes out after the answer, so neither its words nor its timing tell. A few
 * requests an hour per account are honoured; the rest are quietly dropped.
 * An address asking too often is told to wait — for any email, so that says
 * nothing about accounts either.
 * Returns whether this newsroom can send mail at all (without SMTP an admin
 * issues the link instead).
 */
export async function requestPasswordReset(input: unknown, address = "unknown", now = new Date()): Promise<{ canMail: boolean }> {
  const { email } = parseInput(ForgotInput, input);
  if (!env().SMTP_URL) return { canMail: false };
  const claim = await claimOne(db(), `reset-ip:${address}`, RESET_LIMITS.perAddress, now);
  if (!claim.allowed) {
    throw new AppError("RATE_LIMITED", `Too many reset requests from your network. Try again in ${Math.ceil(claim.retryAfterSeconds / 60)} minutes.`, {
      retryAfter: claim.retryAfterSeconds,
    });
  }
  void mailResetLink(email, now).catch((error: unknown) => console.error("[reset] could not issue a reset link:", error instanceof Error ? error.message : error));
  return { canMail: true };
}

/** The part of "Forgot password?" that runs after the answer; true when a link went out. */
export async function mailResetLink(email: string, now = new Date()): Promise<boolean> {
  const user = await db().user.findFirst({ where: { email: { equals: email.trim(), mode: "insensitive" }, disabled: false, machine: false, passwordHash: { not: null } } });
  if (!user) return false;
  const link = await db().$transaction(
    async (tx) => {
      // The person's row, locked: requests for one account take turns, so twenty at once cannot all count the same two links.
      await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${user.id} FOR NO KEY UPDATE`;
      const { windowMs, limit } = RESET_LIMITS.perAccount;
      const recent = await tx.accountLink.count({
        where: { userId: user.id, purpose: "PASSWORD_RESET", createdById: user.id, createdAt: { gt: new Date(now.getTime() - windowMs) } },
      });
      if (recent >= limit) return null;
      return issueAccountLink(tx, { userId: user.id, createdById: user.id, purpose: "PASSWORD_RESET" }, now);
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  if (!link) return false;
  return sendMail(resetMail(user, link));
}
