import { getServerSession } from "next-auth";
import { connection } from "next/server";
import { cache } from "react";
import { unauthenticated } from "@/lib/errors";
import type { StaffViewer } from "@/lib/policy";
import { authOptions } from "./options";
import { sessionUser } from "./sessions";

export interface SignedInViewer extends StaffViewer {
  name: string;
  email: string;
  /** an API token's user, not a person */
  machine: boolean;
}

/**
 * The signed-in person, loaded from the database on every request with
 * their session row: an ended or lapsed session, a disabled account or a
 * changed role takes effect now, whatever the cookie still says. Returns
 * null for readers and for sessions that no longer count.
 */
export const getViewer = cache(async (): Promise<SignedInViewer | null> => {
  const secret = await currentSessionSecret();
  return secret ? viewerFromSession(secret) : null;
});

/**
 * The secret of the request's own session, as its cookie carries it (whether
 * or not the session still counts: getViewer decides that). The Account page
 * marks "This device" with it, and ending it means signing out.
 */
export const currentSessionSecret = cache(async (): Promise<string | null> => {
  await connection(); // per request, never prerendered
  const session = await getServerSession(authOptions());
  return session?.userId && session.sessionSecret ? session.sessionSecret : null;
});

export async function viewerFromSession(sessionSecret: string): Promise<SignedInViewer | null> {
  const user = await sessionUser(sessionSecret);
  if (!user || user.disabled) return null;
  return { kind: "staff", id: user.id, role: user.role, name: user.name, email: user.email, machine: false };
}

export async function requireViewer(): Promise<SignedInViewer> {
  const viewer = await getViewer();
  if (!viewer) throw unauthenticated();
  return viewer;
}
