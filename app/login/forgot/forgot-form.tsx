"use client";

import { useActionState } from "react";
import { FormAlert, TextField } from "@/components/form-fields";
import { requestResetAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(requestResetAction, null);
  if (state?.ok) {
    return (
      <p role="status" className="mt-6 rounded border border-green-700 bg-green-50 p-3 text-sm text-green-900">
        {state.value.canMail
          ? "If an account uses that address, a link to choose a new password is on its way. It works once, for two hours."
          : "This newsroom does not send email. Ask an admin to send you a password reset link."}
      </p>
    );
  }
  return (
    <form action={action} className="mt-6 space-y-4">
      <FormAlert message={state && !state.ok ? state.message : null} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required />
      <button type="submit" disabled={pending} className="w-full rounded bg-ink px-4 py-2 font-semibold text-paper disabled:opacity-60">
        Email me a link
      </button>
    </form>
  );
}
