"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionResult } from "@/lib/action-result";
import { clientAddress } from "@/lib/auth/client-address";
import { endAllSessions, endSessionOf } from "@/lib/auth/sessions";
import { currentSessionSecret, requireViewer } from "@/lib/auth/viewer";
import { changePassword, setMailPreference } from "@/lib/users";

export async function changePasswordAction(_previous: unknown, form: FormData) {
  const result = await actionResult(async () => {
    const newPassword = form.get("newPassword");
    if (newPassword !== form.get("confirmPassword")) return "mismatch" as const;
    const request = await headers();
    await changePassword(await requireViewer(), { currentPassword: form.get("currentPassword"), newPassword }, clientAddress((name) => request.get(name)));
    return "changed" as const;
  });
  // Every session ended with the old password, this one included.
  if (result.ok && result.value === "changed") redirect("/login?notice=password-changed");
  return result;
}

/** "End all sessions": every session of mine ends, this one included. */
export async function endAllSessionsAction() {
  const viewer = await requireViewer();
  await endAllSessions(viewer, viewer.id);
  redirect("/login?notice=sessions-ended");
}

/** One of my sessions ends; when it is this one, I am signed out here. */
export async function endSessionAction(_previous: unknown, form: FormData) {
  const result = await actionResult(async () => {
    const viewer = await requireViewer();
    const ended = await endSessionOf(viewer, viewer.id, form.get("session"), await currentSessionSecret());
    if (!ended.current) revalidatePath("/newsroom/account");
    return ended.current ? ("this" as const) : ("other" as const);
  });
  if (result.ok && result.value === "this") redirect("/login?notice=session-ended");
  return result.ok ? { ok: true as const, value: "Session ended." } : result;
}

/** Notifications by mail on or off, for the signed-in person only. */
export async function mailPreferenceAction(form: FormData) {
  await setMailPreference(await requireViewer(), { emailNotifications: form.get("emailNotifications") === "on" });
  revalidatePath("/newsroom/account");
}
