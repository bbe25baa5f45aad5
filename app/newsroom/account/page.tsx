import { pageViewer } from "@/lib/auth/page-viewer";
import { PasswordForm } from "./password-form";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const viewer = await pageViewer();
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
    </>
  );
}
