import { pageViewer } from "@/lib/auth/page-viewer";
import { listSessions } from "@/lib/auth/sessions";
import { currentSessionSecret } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { mailPreference } from "@/lib/users";
import { endAllSessionsAction, mailPreferenceAction } from "./actions";
import { PasswordForm } from "./password-form";
import { EndSessionForm } from "./session-forms";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const viewer = await pageViewer();
  const [sessions, mailOn] = await Promise.all([listSessions(viewer, viewer.id, { currentSecret: await currentSessionSecret() }), mailPreference(viewer)]);
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Account</h1>
      <p className="mt-2 text-sm text-muted">
        {viewer.name} · {viewer.email}
      </p>
      <section aria-labelledby="password" className="mt-6 rounded border border-rule bg-paper p-5">
        <h2 id="password" className="text-lg font-bold">Change password</h2>
        <p className="mt-1 text-sm text-muted">At least 10 characters. Every session ends, this one too: you sign in again with the new one.</p>
        <PasswordForm />
      </section>
      <section aria-labelledby="mail" className="mt-6 rounded border border-rule bg-paper p-5">
        <h2 id="mail" className="text-lg font-bold">Notifications by mail</h2>
        <p className="mt-1 text-sm text-muted">
          {env().SMTP_URL ? "Your inbox always keeps them; mail is a copy." : "This newsroom sends no mail (SMTP is not set up); your inbox keeps every notification."}
        </p>
        <form action={mailPreferenceAction} className="mt-3 flex items-center gap-3 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="emailNotifications" defaultChecked={mailOn} />
            Send me my notifications by mail too
          </label>
          <button type="submit" className="rounded border border-rule px-3 py-1 hover:bg-white">Save</button>
        </form>
      </section>
      <section aria-labelledby="sessions" className="mt-6 rounded border border-rule bg-paper p-5">
        <h2 id="sessions" className="text-lg font-bold">Sessions</h2>
        <p className="mt-1 text-sm text-muted">Each browser you signed in with is a session. End one you do not recognise or no longer use: that browser is signed out on its next click.</p>
        <ul className="mt-2 divide-y divide-rule text-sm">
          {sessions.map((session) => (
            <li key={session.handle} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {session.current && <strong className="mr-1 rounded bg-ink px-1.5 py-0.5 text-xs text-paper">This device</strong>}
                {session.userAgent || "Unknown browser"} · {session.address || "unknown address"} · since {formatDateTime(session.startedAt)}, last seen {formatDateTime(session.lastSeenAt)}
              </span>
              <EndSessionForm
                handle={session.handle}
                label={session.current ? "End session on this device (signs you out here)" : `End session started ${formatDateTime(session.startedAt)}, last seen ${formatDateTime(session.lastSeenAt)}`}
              />
            </li>
          ))}
        </ul>
        <form action={endAllSessionsAction} className="mt-3">
          <button type="submit" className="rounded border border-rule px-3 py-1.5 text-sm hover:bg-white">
            End all sessions
          </button>
        </form>
      </section>
    </>
  );
}
