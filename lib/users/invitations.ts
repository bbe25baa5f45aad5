import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/passwords";
import { parseInput } from "@/lib/validation";
import { AcceptInvitationInput } from "./schemas";

export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates an invitation inside the caller's transaction; only the link carries the token, the database keeps its hash. */
export async function issueInvitation(tx: Prisma.TransactionClient, userId: string, createdById: string, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  const invitation = await tx.invitation.create({
    data: { userId, createdById, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
  });
  return { url: `${appUrl()}/invitations/${token}`, expiresAt: invitation.expiresAt };
}

const EXPIRED = "This invitation link has expired or was already used. Ask an admin for a new one.";

/** The person an invitation is for, if the link still works. */
export async function openInvitation(token: string, now = new Date()) {
  const invitation = await db().invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!invitation || invitation.usedAt || invitation.expiresAt <= now || invitation.user.disabled) return null;
  return { name: invitation.user.name, email: invitation.user.email };
}

/** Sets the password and spends the link, once: the usedAt check sits in the UPDATE's WHERE. */
export async function acceptInvitation(input: unknown, now = new Date()): Promise<{ email: string }> {
  const { token, password } = parseInput(AcceptInvitationInput, input);
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now }, user: { disabled: false } },
      data: { usedAt: now },
    });
    if (count !== 1) throw new AppError("NOT_FOUND", EXPIRED);
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    const user = await tx.user.update({
      where: { id: invitation.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    return { email: user.email };
  });
}
