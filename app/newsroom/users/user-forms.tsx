"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { formatDateTime } from "@/lib/format";
import { changeRoleAction, createUserAction, endSessionsAction, sendAccountLinkAction, setDisabledAction } from "./actions";

const ROLES = [
  ["REPORTER", "Reporter"],
  ["EDITOR", "Editor"],
  ["ADMIN", "Admin"],
] as const;

function Feedback({ state }: { state: ActionResult<string> | null }) {
  if (!state) return null;
  return state.ok ? (
    <span role="status" className="text-xs text-green-800">{state.value}</span>
  ) : (
    <span role="alert" className="text-xs text-accent">{state.message}</span>
  );
}

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-4 sm:items-end">
      <label className="block text-sm">
        <span className="font-semibold">Name</span>
        <input name="name" required className="mt-1 w-full rounded border border-rule px-2 py-1.5" />
      </label>
      <label className="block text-sm">
        <span className="font-semibold">Email</span>
        <input name="email" type="email" required className="mt-1 w-full rounded border border-rule px-2 py-1.5" />
      </label>
      <label className="block text-sm">
        <span className="font-semibold">Role</span>
        <select name="role" defaultValue="REPORTER" className="mt-1 w-full rounded border border-rule px-2 py-1.5">
          {ROLES.map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending} className="rounded bg-ink px-3 py-2 text-sm font-semibold text-paper">
        Create user
      </button>
      {state && !state.ok && <p role="alert" className="text-sm text-accent sm:col-span-4">{state.message}</p>}
      {state?.ok && (
        <div role="status" className="rounded border border-green-700 bg-green-50 p-3 text-sm sm:col-span-4">
          <p>
            {state.value.emailed ? `An invitation was emailed to ${state.value.name}. ` : ""}
            Give {state.value.name} this invitation link to set a password (it works once, for 72 hours):
          </p>
          <p className="mt-1 font-mono text-xs break-all" data-testid="invitation-url">{state.value.invitationUrl}</p>
        </div>
      )}
    </form>
  );
}

export function RoleForm({ userId, name, role }: { userId: string; name: string; role: string }) {
  const [state, action, pending] = useActionState(changeRoleAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} aria-label={`Role for ${name}`} className="rounded border border-rule px-2 py-1">
        {ROLES.map(([value, label]) => (
          <option key={value} value={value}>{label}</option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="rounded border border-rule px-2 py-1 hover:bg-white">
        Save role
      </button>
      <Feedback state={state} />
    </form>
  );
}

export function DisableForm({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  const [state, action, pending] = useActionState(setDisabledAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={String(!disabled)} />
      <button type="submit" disabled={pending} aria-label={`${disabled ? "Enable" : "Disable"} ${name}`} className="rounded border border-rule px-2 py-1 hover:bg-white">
        {disabled ? "Enable" : "Disable"}
      </button>
      <Feedback state={state} />
    </form>
  );
}

/**
 * "Send invitation again" (the person never chose a password) or "Send
 * password reset link": the new link replaces any earlier one, is mailed
 * when SMTP is set up, and is shown here once for the admin to hand over.
 */
export function AccountLinkForm({ userId, name, activated }: { userId: string; name: string; activated: boolean }) {
  const [state, action, pending] = useActionState(sendAccountLinkAction, null);
  const label = activated ? "Send password reset link" : "Send invitation again";
  return (
    <form action={action} className="mt-1 space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="purpose" value={activated ? "reset" : "invitation"} />
      <button type="submit" disabled={pending} aria-label={`${label} to ${name}`} className="rounded border border-rule px-2 py-1 hover:bg-white">
        {label}
      </button>
      {state && !state.ok && <p role="alert" className="text-xs text-accent">{state.message}</p>}
      {state?.ok && (
        <div role="status" className="rounded border border-green-700 bg-green-50 p-2 text-xs">
          <p>
            {state.value.emailed ? `Emailed to ${state.value.name}. ` : ""}
            The link works once, until {formatDateTime(new Date(state.value.expiresAt))}; any earlier link no longer works:
          </p>
          <p className="mt-1 font-mono break-all" data-testid="account-link-url">{state.value.url}</p>
        </div>
      )}
    </form>
  );
}

/** An admin ends every session of a person (a lost laptop, someone leaving). */
export function EndSessionsForm({ userId, name, activeSessions, lastSeenAt }: { userId: string; name: string; activeSessions: number; lastSeenAt: string | null }) {
  const [state, action, pending] = useActionState(endSessionsAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <span>
        {activeSessions === 0 ? "Not signed in" : `Signed in on ${activeSessions} ${activeSessions === 1 ? "device" : "devices"}`}
        {lastSeenAt && `, last seen ${formatDateTime(new Date(lastSeenAt))}`}
      </span>
      {activeSessions > 0 && (
        <button type="submit" disabled={pending} aria-label={`End ${name}'s sessions`} className="rounded border border-rule px-2 py-1 hover:bg-white">
          End sessions
        </button>
      )}
      <Feedback state={state} />
    </form>
  );
}
