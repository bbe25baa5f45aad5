import { forbidden } from "next/navigation";
import { pageViewer } from "@/lib/auth/page-viewer";
import { mayManageUsers } from "@/lib/policy";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { failingMail, MAX_ATTEMPTS } from "@/lib/notifications";
import { listUsers } from "@/lib/users";
import { AccountLinkForm, CreateUserForm, DisableForm, EndSessionsForm, LegalReviewerForm, LiveLinksProvider, RoleForm } from "./user-forms";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const viewer = await pageViewer();
  if (!mayManageUsers(viewer)) forbidden();
  const [users, failing] = await Promise.all([listUsers(viewer), failingMail(viewer)]);
  // Without SMTP the link buttons only make a link for the admin to hand over, and say so.
  const canMail = Boolean(env().SMTP_URL);
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Users</h1>
      {failing.length > 0 && (
        <section aria-labelledby="failing-mail" className="mt-6 rounded border-2 border-red-700 bg-red-50 p-5">
          <h2 id="failing-mail" className="text-lg font-bold text-red-800">Mail that keeps failing</h2>
          <p className="mt-1 text-sm">The mail server refused these notifications several times; they are retried with growing waits (the inbox has them regardless). Check SMTP_URL and the addresses.</p>
          <ul className="mt-2 space-y-1 text-sm">
            {failing.map((mail) => (
              <li key={mail.id}>
                <span className="font-semibold">{mail.to}</span> · {mail.subject} · {mail.attempts} attempts · last answer: {mail.lastError ?? "none"} · {mail.attempts >= MAX_ATTEMPTS ? "given up" : `next try ${formatDateTime(mail.nextAttemptAt)}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      <LiveLinksProvider>
        <section aria-labelledby="new-user" className="mt-6 rounded border border-rule bg-paper p-5">
          <h2 id="new-user" className="mb-3 text-lg font-bold">Add someone</h2>
          <CreateUserForm />
        </section>
        <table className="mt-6 w-full border-collapse rounded border border-rule bg-paper text-sm">
          <thead>
            <tr className="border-b border-rule text-left">
              <th className="p-3">Name</th>
              <th className="p-3">Email</th>
              <th className="p-3">Role</th>
              <th className="p-3">Status</th>
              <th className="p-3">Sessions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-rule align-top" data-testid={`user-${user.email}`}>
                <td className="p-3 font-semibold">{user.name}</td>
                <td className="p-3">{user.email}</td>
                <td className="p-3">
                  <RoleForm userId={user.id} name={user.name} role={user.role} />
                  <LegalReviewerForm userId={user.id} name={user.name} legalReviewer={user.legalReviewer} />
                </td>
                <td className="p-3">
                  <p className="mb-1">{user.disabled ? "Disabled" : user.activated ? "Active" : "Invited"}</p>
                  <DisableForm userId={user.id} name={user.name} disabled={user.disabled} />
                  {!user.disabled && <AccountLinkForm userId={user.id} name={user.name} activated={user.activated} canMail={canMail} />}
                </td>
                <td className="p-3">
                  <EndSessionsForm userId={user.id} name={user.name} activeSessions={user.activeSessions} lastSeenAt={user.lastSeenAt?.toISOString() ?? null} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </LiveLinksProvider>
    </>
  );
}
