"use server";

import { actionResult } from "@/lib/action-result";
import { spendAccountLink, type LinkPurpose } from "@/lib/users";

/** Sets a password through an invitation or reset link; each page binds its own purpose. */
export async function setPasswordAction(purpose: LinkPurpose, _previous: unknown, form: FormData) {
  return actionResult(async () => {
    const password = form.get("password");
    if (password !== form.get("confirmPassword")) return "mismatch" as const;
    await spendAccountLink(purpose, { token: form.get("token"), password });
    return "set" as const;
  });
}
