import { z } from "zod";
import { db } from "@/lib/db";
import type { StaffViewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";

const MailPreference = z.object({ emailNotifications: z.boolean() }).strict();

/** Each person decides for themselves whether their notifications also come by mail; the inbox keeps them either way. */
export async function setMailPreference(viewer: StaffViewer, input: unknown) {
  const { emailNotifications } = parseInput(MailPreference, input);
  await db().user.update({ where: { id: viewer.id }, data: { emailNotifications } });
  return { emailNotifications };
}

export const mailPreference = async (viewer: StaffViewer) =>
  (await db().user.findUniqueOrThrow({ where: { id: viewer.id }, select: { emailNotifications: true } })).emailNotifications;
