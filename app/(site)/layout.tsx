import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { appUrl, env } from "@/lib/env";
import { readerSections } from "@/lib/reader/listings";
import { shareImages } from "@/lib/reader/share-image";

/** Canonical and social URLs are absolute, on the public site address; a page without its own picture shares the default one. */
export const generateMetadata = (): Metadata => ({
  metadataBase: new URL(appUrl()),
  openGraph: { siteName: env().NEWSROOM_NAME, images: shareImages() },
  twitter: { card: "summary_large_image", images: shareImages() },
});

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const sections = await readerSections();
  const { NEWSROOM_NAME, NEWSROOM_CONTACT_EMAIL } = env();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only">Skip to the stories</a>
      <header className="border-b border-rule">
        <div className="mx-auto max-w-6xl px-4 pt-6 pb-3">
          <Link href="/" className="block text-center text-4xl font-bold tracking-tight sm:text-5xl">
            {NEWSROOM_NAME}
          </Link>
          <nav aria-label="Sections" className="mt-4 font-sans text-sm">
            <ul className="flex flex-wrap items-center justify-center gap-x-6 gap-y-2">
              {sections.map((section) => (
                <li key={section.slug}>
                  <Link href={`/sections/${section.slug}`} className="hover:text-accent">{section.name}</Link>
                </li>
              ))}
              <li>
                <Link href="/search" className="hover:text-accent">Search</Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <footer className="mt-12 border-t border-rule py-8 text-center font-sans text-sm text-muted">
        <p>
          © {NEWSROOM_NAME} · Contact the newsroom: <a href={`mailto:${NEWSROOM_CONTACT_EMAIL}`} className="underline">{NEWSROOM_CONTACT_EMAIL}</a> ·{" "}
          <a href="/feed.xml" className="underline">RSS</a> · <Link href="/corrections" className="underline">Corrections</Link>
        </p>
      </footer>
    </>
  );
}
