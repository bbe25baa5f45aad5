import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { safeRedirectPath } from "@/lib/redirects";
import { SignInForm } from "@/components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  "password-changed": "Your password was changed. Sign in with the new one.",
  invited: "Your password is set. Sign in to start.",
  "sessions-ended": "All your sessions ended: you are signed out in every browser. Sign in again here.",
  "session-ended": "You ended this session and are signed out. Sign in again here.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string; notice?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, notice } = await searchParams;
  const destination = safeRedirectPath(callbackUrl);
  if (await getViewer()) redirect(destination);
  return (
    <main className="mx-auto max-w-sm px-4 py-20">
      <h1 className="text-center text-3xl font-bold">Copydesk newsroom</h1>
      <p className="mt-2 text-center font-sans text-sm text-muted">Sign in with your newsroom account.</p>
      <SignInForm destination={destination} notice={notice ? NOTICES[notice] : undefined} />
      <p className="mt-4 text-center font-sans text-sm">
        <Link href="/login/forgot" className="text-accent underline">Forgot password?</Link>
      </p>
    </main>
  );
}
