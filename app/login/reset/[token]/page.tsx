import type { Metadata } from "next";
import Link from "next/link";
import { openAccountLink } from "@/lib/users";
import { ResetPasswordForm } from "./reset-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const person = await openAccountLink("PASSWORD_RESET", token);
  return (
    <main className="mx-auto max-w-sm px-4 py-20">
      <h1 className="text-center text-3xl font-bold">Choose a new password</h1>
      {person ? (
        <>
          <p className="mt-2 text-center font-sans text-sm text-muted">
            {person.name}, choose a new password for {person.email}. At least 10 characters. Every other session of yours will end.
          </p>
          <ResetPasswordForm token={token} email={person.email} />
        </>
      ) : (
        <p className="mt-6 text-center font-sans">
          This link has expired, was already used or was replaced by a newer one.{" "}
          <Link href="/login/forgot" className="text-accent underline">Ask for a new one</Link>.
        </p>
      )}
    </main>
  );
}
