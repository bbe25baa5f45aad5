"use client";

import { signOut } from "next-auth/react";
import { useActionState, useEffect } from "react";
import { FormAlert, NewPasswordFields, TextField } from "@/components/form-fields";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const changed = state?.ok && state.value === "changed";
  useEffect(() => {
    // Every session ended with the old password, this one included.
    if (changed) void signOut({ callbackUrl: "/login?notice=password-changed" });
  }, [changed]);
  const error = state && !state.ok ? state.message : state?.ok && state.value === "mismatch" ? "The new passwords do not match." : null;
  return (
    <form action={action} className="mt-4 max-w-sm space-y-4">
      <FormAlert message={error} />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" />
      <NewPasswordFields name="newPassword" label="New password" confirmLabel="Confirm new password" />
      <button type="submit" disabled={pending || changed} className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
        Change password
      </button>
    </form>
  );
}
