"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { FormAlert, NewPasswordFields } from "@/components/form-fields";
import { setPasswordAction } from "@/app/account-links/actions";

const resetPassword = setPasswordAction.bind(null, "PASSWORD_RESET");

/** Sets the new password through the link, then signs in with it: the link is spent, this browser is in. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(resetPassword, null);
  const chosen = useRef("");
  const reset = state?.ok && state.value === "set";
  useEffect(() => {
    if (!reset) return;
    void signIn("credentials", { email, password: chosen.current, redirect: false }).then((result) => {
      router.replace(result?.ok && !result.error ? "/newsroom" : "/login?notice=password-changed");
      router.refresh();
    });
  }, [reset, email, router]);
  const error = state && !state.ok ? state.message : state?.ok && state.value === "mismatch" ? "The passwords do not match." : null;
  return (
    <form action={action} onSubmit={(event) => (chosen.current = String(new FormData(event.currentTarget).get("password")))} className="mt-6 space-y-4 font-sans">
      <FormAlert message={error} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields name="password" label="New password" confirmLabel="Confirm password" />
      <button type="submit" disabled={pending || reset} className="w-full rounded bg-ink px-4 py-2 font-semibold text-paper">
        {reset ? "Signing you in…" : "Set password and sign in"}
      </button>
    </form>
  );
}
