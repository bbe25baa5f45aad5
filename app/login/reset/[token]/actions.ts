"use server";

import { actionResult } from "@/lib/action-result";
import { spendAccountLink } from "@/lib/users";

export async function resetPasswordAction(_previous: unknown, form: FormData) {
  return actionResult(async () => {
    const password = form.get("password");
    if (password !== form.get("confirmPassword")) return "mismatch" as const;
    await spendAccountLink("PASSWORD_RESET", { token: form.get("token"), password });
    return "reset" as const;
  });
}
