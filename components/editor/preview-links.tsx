"use client";

import { useState } from "react";
import { formatDateTime } from "@/lib/format";
import { api } from "./api";

/** Share the working copy with someone without an account (a lawyer, a source), and take every link back. */
export function PreviewLinks({ articleId }: { articleId: string }) {
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  async function share() {
    const result = await api<{ url: string; expiresAt: string }>(`/articles/${articleId}/previews`, { json: {} });
    if (!result.ok) return setMessage(result.error.message);
    setLink(result.data);
    setMessage(null);
  }
  async function revoke() {
    const result = await api<{ revoked: number }>(`/articles/${articleId}/previews`, { method: "DELETE" });
    setLink(null);
    setMessage(result.ok ? `Revoked ${result.data.revoked} share link${result.data.revoked === 1 ? "" : "s"}.` : result.error.message);
  }
  return (
    <div className="space-y-2 rounded border border-rule bg-white p-3 text-sm">
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => void share()} className="rounded border border-rule px-3 py-1">Share preview link</button>
        <button type="button" onClick={() => void revoke()} className="rounded border border-rule px-3 py-1">Revoke share links</button>
      </div>
      {link && (
        <p>
          Anyone with this link sees the working copy until {formatDateTime(new Date(link.expiresAt))}:{" "}
          <code data-testid="preview-url" className="break-all">{link.url}</code>
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
