"use client";

import { useEffect, useState } from "react";
import { CopyButton } from "@/components/copy-button";
import { formatDateTime } from "@/lib/format";
import { api } from "./api";

/** A share link as the API lists it: never its token, which only its maker ever saw. */
interface ShareLink {
  id: string;
  createdAt: string;
  expiresAt: string;
  createdBy: { id: string; name: string };
}

const listLinks = (articleId: string) => api<{ links: ShareLink[] }>(`/articles/${articleId}/previews`);

/**
 * Share the working copy with someone without an account (a lawyer, a
 * source), see who shared it and until when, and take links back one by one
 * or all at once. Drawn only for people who may edit the story (the policy's
 * `share`); the API refuses everyone else anyway.
 */
export function PreviewLinks({ articleId }: { articleId: string }) {
  const [link, setLink] = useState<{ id: string; url: string; expiresAt: string } | null>(null);
  const [links, setLinks] = useState<ShareLink[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function load() {
    const result = await listLinks(articleId);
    if (result.ok) setLinks(result.data.links);
  }
  useEffect(() => {
    let stopped = false;
    void listLinks(articleId).then((result) => {
      if (!stopped && result.ok) setLinks(result.data.links);
    });
    return () => {
      stopped = true;
    };
  }, [articleId]);

  async function share() {
    const result = await api<{ id: string; url: string; expiresAt: string }>(`/articles/${articleId}/previews`, { json: {} });
    if (!result.ok) return setMessage(result.error.message);
    setLink(result.data);
    setMessage(null);
    await load();
  }
  async function revokeAll() {
    const result = await api<{ revoked: number }>(`/articles/${articleId}/previews`, { method: "DELETE" });
    setLink(null);
    setMessage(result.ok ? `Revoked ${result.data.revoked} share link${result.data.revoked === 1 ? "" : "s"}.` : result.error.message);
    await load();
  }
  async function revokeOne(one: ShareLink) {
    const result = await api<{ revoked: number }>(`/articles/${articleId}/previews/${encodeURIComponent(one.id)}`, { method: "DELETE" });
    // Once the link just made is gone, its address is no use to show.
    if (result.ok && link?.id === one.id) setLink(null);
    setMessage(result.ok ? `Revoked the link ${one.createdBy.name} made.` : result.error.message);
    await load();
  }

  return (
    <div className="space-y-2 rounded border border-rule bg-white p-3 text-sm">
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => void share()} className="rounded border border-rule px-3 py-1">Share preview link</button>
        <button type="button" onClick={() => void revokeAll()} className="rounded border border-rule px-3 py-1">Revoke share links</button>
      </div>
      {link && (
        <p>
          Anyone with this link sees the working copy until {formatDateTime(new Date(link.expiresAt))}:{" "}
          <code data-testid="preview-url" className="break-all">{link.url}</code>{" "}
          <CopyButton text={link.url} label="Copy the share link" />
        </p>
      )}
      {links && links.length === 0 && <p className="text-muted">No share links work now.</p>}
      {links && links.length > 0 && (
        <ul aria-label="Share links" className="divide-y divide-rule">
          {links.map((one) => (
            <li key={one.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
              <span>
                <strong>{one.createdBy.name}</strong>, {formatDateTime(new Date(one.createdAt))}; works until {formatDateTime(new Date(one.expiresAt))}
              </span>
              <button type="button" onClick={() => void revokeOne(one)} className="rounded border border-rule px-2 py-0.5">Revoke</button>
            </li>
          ))}
        </ul>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
