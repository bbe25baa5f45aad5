import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { InboxBell } from "@/components/newsroom/inbox-bell";
import { SignOutButton } from "@/components/sign-out-button";
import { pageViewer } from "@/lib/auth/page-viewer";
import { unreadCount } from "@/lib/notifications";
import { mayArrangeFrontPage, mayChangeSettings, mayManageUsers, maySeeReviewQueue } from "@/lib/policy";

export const metadata: Metadata = { title: { default: "Newsroom", template: "%s · Copydesk newsroom" }, robots: { index: false } };

const ROLE_LABELS = { REPORTER: "Reporter", EDITOR: "Editor", ADMIN: "Admin" } as const;

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const viewer = await pageViewer();
  return (
    <div className="min-h-screen bg-[#f6f5f1] font-sans">
      <header className="border-b border-rule bg-paper">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 text-sm">
          <Link href="/newsroom" className="font-serif text-xl font-bold">
            Copydesk <span className="font-sans text-sm font-normal text-muted">newsroom</span>
          </Link>
          <nav aria-label="Newsroom" className="flex flex-1 gap-4">
            <Link href="/newsroom">Dashboard</Link>
            <Link href="/newsroom/budget">Budget</Link>
            <Link href="/newsroom/calendar">Calendar</Link>
            {maySeeReviewQueue(viewer) && <Link href="/newsroom/queue/awaiting-review">Review queue</Link>}
            {mayArrangeFrontPage(viewer) && <Link href="/newsroom/front-page">Front page</Link>}
            {mayManageUsers(viewer) && <Link href="/newsroom/users">Users</Link>}
            {mayChangeSettings(viewer) && <Link href="/newsroom/settings">Settings</Link>}
            <Link href="/newsroom/account">Account</Link>
          </nav>
          <InboxBell initialUnread={await unreadCount(viewer)} />
          <span data-testid="viewer">
            {viewer.name} · <span className="font-semibold">{ROLE_LABELS[viewer.role]}</span>
          </span>
          <SignOutButton />
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
