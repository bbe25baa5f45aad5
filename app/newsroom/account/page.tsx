import { pageViewer } from "@/lib/auth/page-viewer";
import { listSessions } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { mailPreference } from "@/lib/users";
import { mailPreferenceAction, signOutEverywhereAction } from "./actions";
import { PasswordForm } from "./password-form";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const viewer = await pageViewer();
  const [sessions, mailOn] = await Promise.all([listSessions(viewer, viewer.id), mailPreference(viewer)]);
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Account</h1>
      <p className="mt-2 text-sm text-muted">
        {viewer.name} · {viewer.email}
      </p>
      <section aria-labelledby="password" className="mt-6 rounded border border-rule bg-paper p-5">
        <h2 id="password" className="text-lg font-bold">Change password</h2>
        <p className="mt-1 text-sm text-muted">At least 10 characters. You will be signed out everywhere and sign in again.</p>
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
        <h2 id="sessions" className="text-lg font-bold">Where you are signed in</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {sessions.map((session, index) => (
            <li key={index}>
              {session.userAgent || "Unknown browser"} · {session.address || "unknown address"} · since {formatDateTime(session.startedAt)}, last seen {formatDateTime(session.lastSeenAt)}
            </li>
          ))}
        </ul>
        <form action={signOutEverywhereAction} className="mt-3">
          <button type="submit" className="rounded border border-rule px-3 py-1.5 text-sm hover:bg-white">
            Sign out everywhere
          </button>
        </form>
      </section>
    </>
  );
}
