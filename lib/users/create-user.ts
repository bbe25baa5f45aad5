import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { sendMail } from "@/lib/mailer";
import { mayManageUsers, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { issueInvitation } from "./invitations";
import { toPublicUser, type PublicUser } from "./public-user";
import { CreateUserInput } from "./schemas";

export interface CreatedUser {
  user: PublicUser;
  /** shown once to the admin; the person sets their own password there */
  invitationUrl: string;
  invitationExpiresAt: Date;
  emailed: boolean;
}

/** An admin adds a person; they get no password, only a single-use link to choose one. */
export async function createUser(viewer: Viewer, input: unknown): Promise<CreatedUser> {
  if (!mayManageUsers(viewer)) throw forbidden("Only admins manage users.");
  const { name, email, role } = parseInput(CreateUserInput, input);
  const { user, invitation } = await db()
    .$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name, email, role } });
      return { user, invitation: await issueInvitation(tx, user.id, viewer.kind === "staff" ? viewer.id : user.id) };
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("CONFLICT", "Someone with that email already has an account.", { field: "email" });
      }
      throw error;
    });
  const emailed = await sendMail({
    to: user.email,
    subject: "Your Copydesk account",
    text:
      `Hello ${user.name},\n\nYou have been invited to the Copydesk newsroom as ${role.toLowerCase()}.\n` +
      `Choose your password here (the link works once, until ${invitation.expiresAt.toUTCString()}):\n\n${invitation.url}\n`,
  });
  return { user: toPublicUser(user), invitationUrl: invitation.url, invitationExpiresAt: invitation.expiresAt, emailed };
}
