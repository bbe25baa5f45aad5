"use client";

import { createContext, useActionState, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { CopyButton } from "@/components/copy-button";
import type { ActionResult } from "@/lib/action-result";
import { formatDateTime } from "@/lib/format";
import { changeRoleAction, createUserAction, endSessionsAction, sendAccountLinkAction, setDisabledAction, setLegalReviewerAction } from "./actions";
import { accountLinkLabels } from "./link-labels";

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

/**
 * The account links this page has shown, newest per person. Issuing a link
 * revokes the person's earlier ones, so a link shown before ("Create user"'s
 * box) must go when a newer one is issued in their row: the page shows only
 * links that still work.
 */
const LiveLinks = createContext<{ latest: ReadonlyMap<string, string>; issued: (userId: string, url: string) => void }>({
  latest: new Map(),
  issued: () => {},
});

export function LiveLinksProvider({ children }: { children: ReactNode }) {
  const [latest, setLatest] = useState<ReadonlyMap<string, string>>(new Map());
  const issued = useCallback((userId: string, url: string) => setLatest((previous) => new Map(previous).set(userId, url)), []);
  const value = useMemo(() => ({ latest, issued }), [latest, issued]);
  return <LiveLinks.Provider value={value}>{children}</LiveLinks.Provider>;
}

/** A link to hand over, with its Copy button. */
function LinkToHandOver({ url, testId, copyLabel }: { url: string; testId: string; copyLabel: string }) {
  return (
    <p className="mt-1 flex flex-wrap items-center gap-2">
      <span className="font-mono text-xs break-all" data-testid={testId}>{url}</span>
      <CopyButton text={url} label={copyLabel} />
    </p>
  );
}

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  const { latest } = useContext(LiveLinks);
  const replaced = state?.ok && latest.has(state.value.userId) && latest.get(state.value.userId) !== state.value.invitationUrl;
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
          {replaced ? (
            <p>{state.value.name}&apos;s first invitation link was replaced by a newer one: it is in their row below.</p>
          ) : (
            <>
              <p>
                {state.value.emailed ? `An invitation was emailed to ${state.value.name}. ` : ""}
                Give {state.value.name} this invitation link to set a password (it works once, for 72 hours):
              </p>
              <LinkToHandOver url={state.value.invitationUrl} testId="invitation-url" copyLabel={`Copy the invitation link for ${state.value.name}`} />
            </>
          )}
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

/** The right to clear stories marked "needs legal review": granted by an admin, person by person. */
export function LegalReviewerForm({ userId, name, legalReviewer }: { userId: string; name: string; legalReviewer: boolean }) {
  const [state, action, pending] = useActionState(setLegalReviewerAction, null);
  return (
    <form action={action} className="mt-2 flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="legalReviewer" value={String(!legalReviewer)} />
      {legalReviewer && <span className="text-xs">Clears legal review</span>}
      <button type="submit" disabled={pending} aria-label={`${legalReviewer ? "Take back" : "Grant"} legal review for ${name}`} className="rounded border border-rule px-2 py-1 text-xs hover:bg-white">
        {legalReviewer ? "Take back legal review" : "Grant legal review"}
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
 * Without SMTP nothing is sent, so the button says what it does: "Create".
 */
export function AccountLinkForm({ userId, name, activated, canMail }: { userId: string; name: string; activated: boolean; canMail: boolean }) {
  const [state, action, pending] = useActionState(sendAccountLinkAction, null);
  const { issued } = useContext(LiveLinks);
  useEffect(() => {
    if (state?.ok) issued(state.value.userId, state.value.url);
  }, [state, issued]);
  const labels = accountLinkLabels({ canMail, activated, name });
  return (
    <form action={action} className="mt-1 space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="purpose" value={activated ? "reset" : "invitation"} />
      <button type="submit" disabled={pending} aria-label={labels.accessible} className="rounded border border-rule px-2 py-1 hover:bg-white">
        {labels.button}
      </button>
      {state && !state.ok && <p role="alert" className="text-xs text-accent">{state.message}</p>}
      {state?.ok && (
        <div role="status" className="rounded border border-green-700 bg-green-50 p-2 text-xs">
          <p>
            {state.value.emailed ? `Emailed to ${state.value.name}. ` : `Nothing was emailed (this newsroom sends no mail): give ${state.value.name} this link. `}
            It works once, until {formatDateTime(new Date(state.value.expiresAt))}; any earlier link no longer works:
          </p>
          <LinkToHandOver url={state.value.url} testId="account-link-url" copyLabel={labels.copy} />
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
        {activeSessions === 0 ? "No sessions" : `${activeSessions} ${activeSessions === 1 ? "session" : "sessions"}`}
        {lastSeenAt && `, last seen ${formatDateTime(new Date(lastSeenAt))}`}
      </span>
      {activeSessions > 0 && (
        <button type="submit" disabled={pending} aria-label={`End all of ${name}'s sessions`} className="rounded border border-rule px-2 py-1 hover:bg-white">
          End all sessions
        </button>
      )}
      <Feedback state={state} />
    </form>
  );
}
