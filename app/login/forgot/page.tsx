import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { ForgotPasswordForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot password", robots: { index: false } };

export default async function ForgotPasswordPage() {
  await connection(); // whether mail can go out is read at run time, never at build
  return (
    <main className="mx-auto max-w-sm px-4 py-20 font-sans">
      <h1 className="text-center font-serif text-3xl font-bold">Forgot your password?</h1>
      {env().SMTP_URL ? (
        <>
          <p className="mt-2 text-center text-sm text-muted">We will email you a link to choose a new one.</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p className="mt-6 text-center">This newsroom does not send email. Ask an admin to send you a password reset link.</p>
      )}
      <p className="mt-6 text-center text-sm">
        <Link href="/login" className="text-accent underline">Back to sign in</Link>
      </p>
    </main>
  );
}
