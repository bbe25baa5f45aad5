import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/passwords";
import type { StaffViewer } from "@/lib/policy";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

/** A user with a unique email, so test files and tests never share rows. */
export async function makeUser(db: Db, role: Role, overrides: { disabled?: boolean; name?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const tag = randomUUID().slice(0, 8);
  return db.user.create({
    data: {
      email: `${role.toLowerCase()}-${tag}@test.invalid`,
      name: overrides.name ?? `${role.toLowerCase()} ${tag}`,
      role,
      disabled: overrides.disabled ?? false,
      passwordHash: await passwordHash,
    },
  });
}

export const asViewer = (user: { id: string; role: Role }): StaffViewer => ({ kind: "staff", id: user.id, role: user.role });
