import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { sendMail } from "@/lib/mailer";
import { mayManageUsers, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { invitationMail, issueAccountLink } from "./account-links";
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
      return { user, invitation: await issueAccountLink(tx, { userId: user.id, createdById: viewer.kind === "staff" ? viewer.id : user.id, purpose: "INVITATION" }) };
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("CONFLICT", "Someone with that email already has an account.", { field: "email" });
      }
      throw error;
    });
  const emailed = await sendMail(invitationMail(user, invitation));
  return { user: toPublicUser(user), invitationUrl: invitation.url, invitationExpiresAt: invitation.expiresAt, emailed };
}
