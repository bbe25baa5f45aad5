"use server";

import { revalidatePath } from "next/cache";
import { actionResult } from "@/lib/action-result";
import { endAllSessions } from "@/lib/auth/sessions";
import { requireViewer } from "@/lib/auth/viewer";
import { createUser, issuePasswordReset, reissueInvitation, updateUser } from "@/lib/users";

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

export async function createUserAction(_previous: unknown, form: FormData) {
  return actionResult(async () => {
    const created = await createUser(await requireViewer(), {
      name: field(form, "name"),
      email: field(form, "email"),
      role: field(form, "role"),
    });
    revalidatePath("/newsroom/users");
    return { userId: created.user.id, name: created.user.name, invitationUrl: created.invitationUrl, emailed: created.emailed };
  });
}

export async function changeRoleAction(_previous: unknown, form: FormData) {
  return actionResult(async () => {
    const user = await updateUser(await requireViewer(), field(form, "userId") ?? "", { role: field(form, "role") });
    revalidatePath("/newsroom/users");
    return `${user.name} is now ${user.role.toLowerCase()}.`;
  });
}

export async function setDisabledAction(_previous: unknown, form: FormData) {
  return actionResult(async () => {
    const user = await updateUser(await requireViewer(), field(form, "userId") ?? "", { disabled: field(form, "disabled") === "true" });
    revalidatePath("/newsroom/users");
    return `${user.name} is ${user.disabled ? "disabled" : "enabled again"}.`;
  });
}

export async function setLegalReviewerAction(_previous: unknown, form: FormData) {
  return actionResult(async () => {
    const user = await updateUser(await requireViewer(), field(form, "userId") ?? "", { legalReviewer: field(form, "legalReviewer") === "true" });
    revalidatePath("/newsroom/users");
    return user.legalReviewer ? `${user.name} may now clear stories for legal review.` : `${user.name} no longer clears stories for legal review.`;
  });
}

/** A new invitation for someone who has not chosen a password yet, or a reset link for someone who has. */
export async function sendAccountLinkAction(_previous: unknown, form: FormData) {
  return actionResult(async () => {
    const viewer = await requireViewer();
    const userId = field(form, "userId") ?? "";
    const link = field(form, "purpose") === "reset" ? await issuePasswordReset(viewer, userId) : await reissueInvitation(viewer, userId);
    return { userId, url: link.url, emailed: link.emailed, name: link.name, expiresAt: link.expiresAt.toISOString() };
  });
}

export async function endSessionsAction(_previous: unknown, form: FormData) {
  return actionResult(async () => {
    const ended = await endAllSessions(await requireViewer(), field(form, "userId") ?? "");
    revalidatePath("/newsroom/users");
    return ended === 1 ? "1 session ended." : `${ended} sessions ended.`;
  });
}
