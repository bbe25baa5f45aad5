"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { FormAlert, NewPasswordFields } from "@/components/form-fields";
import { setPasswordAction } from "@/app/account-links/actions";

const acceptInvitation = setPasswordAction.bind(null, "INVITATION");

/**
 * Sets the first password through the invitation, then signs in with it the
 * way the sign-in page does (a session row of its own): the person lands on
 * the dashboard, not on a sign-in form asking for what they just typed.
 */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(acceptInvitation, null);
  const chosen = useRef("");
  const accepted = state?.ok && state.value === "set";
  useEffect(() => {
    if (!accepted) return;
    void signIn("credentials", { email, password: chosen.current, redirect: false }).then((result) => {
      // The password is set either way; if signing in failed (too many attempts from this network), the sign-in page says what to do.
      router.replace(result?.ok && !result.error ? "/newsroom" : "/login?notice=invited");
      router.refresh();
    });
  }, [accepted, email, router]);
  const error = state && !state.ok ? state.message : state?.ok && state.value === "mismatch" ? "The passwords do not match." : null;
  return (
    <form action={action} onSubmit={(event) => (chosen.current = String(new FormData(event.currentTarget).get("password")))} className="mt-6 space-y-4 font-sans">
      <FormAlert message={error} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields name="password" label="New password" confirmLabel="Confirm password" />
      <button type="submit" disabled={pending || accepted} className="w-full rounded bg-ink px-4 py-2 font-semibold text-paper">
        {accepted ? "Signing you in…" : "Set password and sign in"}
      </button>
    </form>
  );
}
