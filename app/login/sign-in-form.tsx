"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

const MESSAGES: Record<string, string> = {
  RATE_LIMITED: "Too many failed sign-ins. Wait a minute, then try again.",
};
const WRONG = "Wrong email or password.";

export function SignInForm({ destination, notice }: { destination: string; notice?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    setPending(false);
    if (result?.ok && !result.error) {
      router.replace(destination);
      router.refresh();
    } else {
      setError(MESSAGES[result?.error ?? ""] ?? WRONG);
    }
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4 font-sans" noValidate>
      {notice && !error && <p className="rounded border border-green-700 bg-green-50 p-3 text-sm text-green-900">{notice}</p>}
      {error && (
        <p role="alert" className="rounded border border-accent bg-red-50 p-3 text-sm text-accent">
          {error}
        </p>
      )}
      <label className="block">
        <span className="text-sm font-semibold">Email</span>
        <input name="email" type="email" autoComplete="username" required className="mt-1 w-full rounded border border-rule px-3 py-2" />
      </label>
      <label className="block">
        <span className="text-sm font-semibold">Password</span>
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-rule px-3 py-2" />
      </label>
      <button type="submit" disabled={pending} className="w-full rounded bg-ink px-4 py-2 font-semibold text-paper disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
