"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { FormAlert, NewPasswordFields } from "@/components/form-fields";
import { setPasswordAction } from "@/app/account-links/actions";

const acceptInvitation = setPasswordAction.bind(null, "INVITATION");

export function AcceptInvitationForm({ token }: { token: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(acceptInvitation, null);
  const accepted = state?.ok && state.value === "set";
  useEffect(() => {
    if (accepted) router.replace("/login?notice=invited");
  }, [accepted, router]);
  const error = state && !state.ok ? state.message : state?.ok && state.value === "mismatch" ? "The passwords do not match." : null;
  return (
    <form action={action} className="mt-6 space-y-4 font-sans">
      <FormAlert message={error} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields name="password" label="New password" confirmLabel="Confirm password" />
      <button type="submit" disabled={pending || accepted} className="w-full rounded bg-ink px-4 py-2 font-semibold text-paper">
        Set password
      </button>
    </form>
  );
}
