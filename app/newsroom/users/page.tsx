import { forbidden } from "next/navigation";
import { pageViewer } from "@/lib/auth/page-viewer";
import { mayManageUsers } from "@/lib/policy";
import { listUsers } from "@/lib/users";
import { AccountLinkForm, CreateUserForm, DisableForm, EndSessionsForm, RoleForm } from "./user-forms";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const viewer = await pageViewer();
  if (!mayManageUsers(viewer)) forbidden();
  const users = await listUsers(viewer);
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Users</h1>
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
              </td>
              <td className="p-3">
                <p className="mb-1">{user.disabled ? "Disabled" : user.activated ? "Active" : "Invited"}</p>
                <DisableForm userId={user.id} name={user.name} disabled={user.disabled} />
                {!user.disabled && <AccountLinkForm userId={user.id} name={user.name} activated={user.activated} />}
              </td>
              <td className="p-3">
                <EndSessionsForm userId={user.id} name={user.name} activeSessions={user.activeSessions} lastSeenAt={user.lastSeenAt?.toISOString() ?? null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
