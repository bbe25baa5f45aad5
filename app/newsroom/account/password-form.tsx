"use client";

import { useActionState } from "react";
import { FormAlert, NewPasswordFields, TextField } from "@/components/form-fields";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const error = state && !state.ok ? state.message : state?.ok && state.value === "mismatch" ? "The new passwords do not match." : null;
  return (
    <form action={action} className="mt-4 max-w-sm space-y-4">
      <FormAlert message={error} />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" />
      <NewPasswordFields name="newPassword" label="New password" confirmLabel="Confirm new password" />
      <button type="submit" disabled={pending} className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
        Change password
      </button>
    </form>
  );
}
