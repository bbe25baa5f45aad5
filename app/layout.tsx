import type { Metadata } from "next";
import type { ReactNode } from "react";
import { timeZoneAttribute } from "@/lib/format";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Copydesk", template: "%s · Copydesk" },
  description: "News from the Copydesk newsroom.",
  // public/site.webmanifest (scripts/make-public-assets.ts); /favicon.ico is served from public/ too.
  manifest: "/site.webmanifest",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" {...timeZoneAttribute()}>
      <body className="min-h-screen font-serif antialiased">{children}</body>
    </html>
  );
}
