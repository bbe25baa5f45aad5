import { getServerSession } from "next-auth";
import { connection } from "next/server";
import { cache } from "react";
import { db } from "@/lib/db";
import { unauthenticated } from "@/lib/errors";
import type { StaffViewer } from "@/lib/policy";
import { authOptions } from "./options";

export interface SignedInViewer extends StaffViewer {
  name: string;
  email: string;
}

/**
 * The signed-in person, loaded from the database on every request: a
 * disabled account, a changed role or a bumped session version (password or
 * role change) takes effect now, whatever the session token still says.
 * Returns null for readers and for sessions that no longer count.
 */
export const getViewer = cache(async (): Promise<SignedInViewer | null> => {
  await connection(); // per request, never prerendered
  const session = await getServerSession(authOptions());
  if (!session?.userId) return null;
  return viewerFromSession(session.userId, session.sessionVersion);
});

export async function viewerFromSession(userId: string, sessionVersion: number): Promise<SignedInViewer | null> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  return { kind: "staff", id: user.id, role: user.role, name: user.name, email: user.email };
}

export async function requireViewer(): Promise<SignedInViewer> {
  const viewer = await getViewer();
  if (!viewer) throw unauthenticated();
  return viewer;
}
