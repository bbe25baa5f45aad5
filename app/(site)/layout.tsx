import Link from "next/link";
import type { ReactNode } from "react";

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b border-rule">
        <div className="mx-auto max-w-6xl px-4 py-6">
          <Link href="/" className="block text-center text-4xl font-bold tracking-tight sm:text-5xl">
            Copydesk
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <footer className="mt-12 border-t border-rule py-8 text-center font-sans text-sm text-muted">
        © Copydesk newsroom
      </footer>
    </>
  );
}
