import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { mayManageUsers, type Viewer } from "@/lib/policy";
import { toPublicUser, type PublicUser } from "./public-user";

export async function listUsers(viewer: Viewer): Promise<PublicUser[]> {
  if (!mayManageUsers(viewer)) throw forbidden("Only admins manage users.");
  const users = await db().user.findMany({ orderBy: [{ disabled: "asc" }, { name: "asc" }] });
  return users.map(toPublicUser);
}
