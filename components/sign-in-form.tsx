"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert, TextField } from "@/components/form-fields";

const WRONG = "Wrong email or password.";

/** next-auth hands over the refusal's code; "RATE_LIMITED:42" means: wait 42 seconds. */
function refusalMessage(error: string | undefined): string {
  const wait = /^RATE_LIMITED:(\d+)$/.exec(error ?? "")?.[1];
  return wait ? `Too many failed sign-ins. Try again in ${wait} seconds.` : WRONG;
}

/**
 * Email and password through next-auth. On the sign-in page it goes on to
 * `destination`; over the editor (a session that ended mid-edit) it hands
 * back to `onSignedIn`, so the page and what is typed on it stay.
 */
export function SignInForm({ destination, notice, onSignedIn }: { destination?: string; notice?: string; onSignedIn?: () => void }) {
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
      if (onSignedIn) return onSignedIn();
      router.replace(destination ?? "/newsroom");
      router.refresh();
    } else {
      setError(refusalMessage(result?.error ?? undefined));
    }
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4 font-sans" noValidate>
      {notice && !error && <p className="rounded border border-green-700 bg-green-50 p-3 text-sm text-green-900">{notice}</p>}
      <FormAlert message={error} />
      <TextField label="Email" name="email" type="email" autoComplete="username" />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" />
      <button type="submit" disabled={pending} className="w-full rounded bg-ink px-4 py-2 font-semibold text-paper disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
