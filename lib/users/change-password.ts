import { checkPassword } from "@/lib/auth/authenticate";
import { endSessionsOf } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { AppError, unauthenticated } from "@/lib/errors";
import { hashPassword } from "@/lib/passwords";
import type { Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { ChangePasswordInput } from "./schemas";

/**
 * A person changes their own password. Every session they have — this one
 * included — ends, so a stolen session dies with the old password; they
 * sign in again with the new one.
 */
export async function changePassword(viewer: Viewer, input: unknown, address: string): Promise<void> {
  if (viewer.kind !== "staff") throw unauthenticated();
  const { currentPassword, newPassword } = parseInput(ChangePasswordInput, input);
  const me = await db().user.findUniqueOrThrow({ where: { id: viewer.id } });
  // Under the same limits as signing in: a stolen session must not become a way to guess the password.
  const user = await checkPassword(db(), { email: me.email, password: currentPassword, address });
  if (!user?.passwordHash) throw new AppError("VALIDATION", "The current password is not right.", { field: "currentPassword" });
  const passwordHash = await hashPassword(newPassword);
  await db().$transaction(async (tx) => {
    // Compare-and-set on the hash checked above: two changes at once cannot both win.
    const { count } = await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (count !== 1) throw new AppError("CONFLICT", "Your account changed meanwhile; sign in again and retry.");
    await endSessionsOf(tx, user.id);
  });
}
