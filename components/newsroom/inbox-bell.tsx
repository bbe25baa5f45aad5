"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { api } from "@/components/editor/api";

const POLL_MS = 30_000;

/** The header's inbox link with the unread count, kept current while the newsroom is open. */
export function InboxBell({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const pathname = usePathname();
  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      const result = await api<{ unread: number }>("/notifications");
      if (!stopped && result.ok) setUnread(result.data.unread);
    };
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    window.addEventListener("copydesk:inbox", onFocus);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("focus", onFocus);
      window.removeEventListener("copydesk:inbox", onFocus);
    };
  }, [pathname]);
  return (
    <Link href="/newsroom/inbox" aria-label={`Inbox, ${unread} unread`} className="relative inline-flex items-center gap-1">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 && (
        <span data-testid="unread-count" className="rounded-full bg-accent px-1.5 text-xs font-bold text-white">
          {unread}
        </span>
      )}
    </Link>
  );
}

/** Tells the bell to look again (after marking read). */
export const inboxChanged = () => window.dispatchEvent(new Event("copydesk:inbox"));
