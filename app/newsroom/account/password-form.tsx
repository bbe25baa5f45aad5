"use client";

import { signOut } from "next-auth/react";
import { useActionState, useEffect } from "react";
import { changePasswordAction } from "./actions";

const input = "mt-1 w-full rounded border border-rule px-3 py-2";

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
      {error && <p role="alert" className="rounded border border-accent bg-red-50 p-3 text-sm text-accent">{error}</p>}
      <label className="block text-sm">
        <span className="font-semibold">Current password</span>
        <input name="currentPassword" type="password" autoComplete="current-password" required className={input} />
      </label>
      <label className="block text-sm">
        <span className="font-semibold">New password</span>
        <input name="newPassword" type="password" autoComplete="new-password" minLength={10} required className={input} />
      </label>
      <label className="block text-sm">
        <span className="font-semibold">Confirm new password</span>
        <input name="confirmPassword" type="password" autoComplete="new-password" minLength={10} required className={input} />
      </label>
      <button type="submit" disabled={pending || changed} className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
        Change password
      </button>
    </form>
  );
}
