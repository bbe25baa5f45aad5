"use server";

import { actionResult } from "@/lib/action-result";
import { requestPasswordReset } from "@/lib/users";

export async function requestResetAction(_previous: unknown, form: FormData) {
  return actionResult(() => requestPasswordReset({ email: form.get("email") }));
}
