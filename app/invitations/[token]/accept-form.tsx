"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { acceptInvitationAction } from "./actions";

const input = "mt-1 w-full rounded border border-rule px-3 py-2";

export function AcceptInvitationForm({ token }: { token: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(acceptInvitationAction, null);
  const accepted = state?.ok && state.value === "accepted";
  useEffect(() => {
    if (accepted) router.replace("/login?notice=invited");
  }, [accepted, router]);
  const error = state && !state.ok ? state.message : state?.ok && state.value === "mismatch" ? "The passwords do not match." : null;
  return (
    <form action={action} className="mt-6 space-y-4 font-sans">
      {error && <p role="alert" className="rounded border border-accent bg-red-50 p-3 text-sm text-accent">{error}</p>}
      <input type="hidden" name="token" value={token} />
      <label className="block text-sm">
        <span className="font-semibold">New password</span>
        <input name="password" type="password" autoComplete="new-password" minLength={10} required className={input} />
      </label>
      <label className="block text-sm">
        <span className="font-semibold">Confirm password</span>
        <input name="confirmPassword" type="password" autoComplete="new-password" minLength={10} required className={input} />
      </label>
      <button type="submit" disabled={pending || accepted} className="w-full rounded bg-ink px-4 py-2 font-semibold text-paper">
        Set password
      </button>
    </form>
  );
}
