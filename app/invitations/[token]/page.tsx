import Link from "next/link";
import { openAccountLink } from "@/lib/users";
import { AcceptInvitationForm } from "./accept-form";

export const metadata = { title: "Set your password", robots: { index: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await openAccountLink("INVITATION", token);
  return (
    <main className="mx-auto max-w-sm px-4 py-20">
      <h1 className="text-center text-3xl font-bold">Welcome to Copydesk</h1>
      {invitation ? (
        <>
          <p className="mt-2 text-center font-sans text-sm text-muted">
            {invitation.name}, choose a password for {invitation.email}. At least 10 characters.
          </p>
          <AcceptInvitationForm token={token} email={invitation.email} />
        </>
      ) : (
        <p className="mt-6 font-sans text-center">
          This invitation link has expired, was already used or was replaced by a newer one. Ask an admin to send it again, or{" "}
          <Link href="/login" className="text-accent underline">sign in</Link>.
        </p>
      )}
    </main>
  );
}
