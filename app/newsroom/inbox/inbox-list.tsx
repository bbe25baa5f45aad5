"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/editor/api";
import { inboxChanged } from "@/components/newsroom/inbox-bell";
import { formatDateTime } from "@/lib/format";

interface Item {
  id: string;
  kind: string;
  articleId: string | null;
  message: string;
  createdAt: Date;
  readAt: Date | null;
}

/** The viewer's notifications, unread ones marked, each read on its own or all at once. */
export function InboxList({ notifications, unread }: { notifications: Item[]; unread: number }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  async function markRead(json: { ids: string[] } | { all: true }) {
    const result = await api("/notifications/read", { json });
    if (!result.ok) return setProblem(result.error.message);
    setProblem(null);
    inboxChanged();
    router.refresh();
  }
  if (notifications.length === 0) return <p className="text-sm text-muted">Nothing here yet. You hear here when a story of yours moves, is assigned to you, or someone mentions you.</p>;
  return (
    <>
      <div className="flex items-center gap-3 text-sm">
        <span data-testid="inbox-unread">{unread} unread</span>
        {unread > 0 && (
          <button type="button" onClick={() => void markRead({ all: true })} className="rounded border border-rule bg-white px-3 py-1">
            Mark all read
          </button>
        )}
        {problem && <span role="alert" className="text-accent">{problem}</span>}
      </div>
      <ul className="divide-y divide-rule rounded border border-rule bg-paper" aria-label="Notifications">
        {notifications.map((item) => (
          <li key={item.id} data-unread={item.readAt === null} className={`flex gap-3 p-3 text-sm ${item.readAt === null ? "bg-white font-semibold" : "text-muted"}`}>
            <div className="flex-1">
              <p>{item.message}</p>
              <p className="mt-1 text-xs font-normal text-muted">
                {formatDateTime(new Date(item.createdAt))}
                {item.articleId && (
                  <>
                    {" · "}
                    <Link href={`/newsroom/articles/${item.articleId}`} className="text-accent underline">Open the story</Link>
                  </>
                )}
              </p>
            </div>
            {item.readAt === null && (
              <button type="button" onClick={() => void markRead({ ids: [item.id] })} className="self-start rounded border border-rule px-2 py-0.5 text-xs font-normal">
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
