"use server";

import { headers } from "next/headers";
import { actionResult } from "@/lib/action-result";
import { clientAddress } from "@/lib/auth/client-address";
import { requestPasswordReset } from "@/lib/users";

export async function requestResetAction(_previous: unknown, form: FormData) {
  const request = await headers();
  return actionResult(() => requestPasswordReset({ email: form.get("email") }, clientAddress((name) => request.get(name))));
}
