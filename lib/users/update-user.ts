import { endSessionsOf } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mayManageUsers, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { toPublicUser, type PublicUser } from "./public-user";
import { UpdateUserInput } from "./schemas";

/**
 * Changes a user's role, disables/re-enables them, or grants or takes back
 * the right to clear stories for legal review. Both count from the
 * user's next request, since every request reads role and disabled flag from
 * the database. Disabling also moves the session version on, so re-enabling
 * someone does not bring their old sessions back. The active admins are
 * locked first, so two admins demoting each other at once cannot leave the
 * newsroom with none.
 */
export async function updateUser(viewer: Viewer, userId: string, input: unknown): Promise<PublicUser> {
  if (!mayManageUsers(viewer)) throw forbidden("Only admins manage users.");
  const change = parseInput(UpdateUserInput, input);
  return db().$transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: userId, machine: false } });
    if (!user) throw notFound("That user");
    const stillActiveAdmin = (change.role ?? user.role) === "ADMIN" && !(change.disabled ?? user.disabled);
    const isActiveAdmin = activeAdmins.includes(user.id);
    if (isActiveAdmin && !stillActiveAdmin && activeAdmins.length === 1) {
      throw new AppError("CONFLICT", "This is the last active admin; make someone else an admin first.");
    }
    const disabling = change.disabled === true && !user.disabled;
    const updated = await tx.user.update({ where: { id: user.id }, data: change });
    if (disabling) await endSessionsOf(tx, user.id);
    return toPublicUser(updated);
  });
}

async function lockActiveAdmins(tx: Prisma.TransactionClient): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "disabled" = false ORDER BY "id" FOR UPDATE`;
  return rows.map((row) => row.id);
}
