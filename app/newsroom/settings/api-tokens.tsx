"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/editor/api";
import { formatDateTime } from "@/lib/format";

interface Token {
  id: string;
  name: string;
  scope: "INGEST" | "READ" | "SYNDICATION";
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { name: string };
}

const SCOPES = {
  INGEST: "Ingest: create drafts from wire and text copy",
  READ: "Read: the staff API's GET routes",
  SYNDICATION: "Syndication: a partner's feed of published stories (embargoed ones early), nothing else",
} as const satisfies Record<Token["scope"], string>;

/** Admins make a token for a machine (shown once), see when each was last used, and revoke it. */
export function ApiTokens({ tokens }: { tokens: Token[] }) {
  const router = useRouter();
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function create(form: FormData) {
    const name = String(form.get("name") ?? "");
    const result = await api<{ token: string }>("/tokens", { json: { name, scope: form.get("scope") } });
    if (!result.ok) return setProblem(result.error.message);
    setProblem(null);
    setShown({ name, token: result.data.token });
    router.refresh();
  }
  async function revoke(id: string) {
    const result = await api(`/tokens/${id}`, { method: "DELETE" });
    if (!result.ok) return setProblem(result.error.message);
    router.refresh();
  }

  return (
    <div className="space-y-4 text-sm">
      <form
        aria-label="New API token"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void create(new FormData(event.currentTarget));
          event.currentTarget.reset();
        }}
      >
        <div>
          <label htmlFor="token-name" className="block font-semibold">Name</label>
          <input id="token-name" name="name" required maxLength={60} placeholder="AP" className="rounded border border-rule px-2 py-1" />
        </div>
        <div>
          <label htmlFor="token-scope" className="block font-semibold">Scope</label>
          <select id="token-scope" name="scope" aria-describedby="token-scope-hint" className="rounded border border-rule px-2 py-1">
            {Object.entries(SCOPES).map(([scope, label]) => <option key={scope} value={scope}>{label}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded bg-ink px-3 py-1.5 font-semibold text-paper">Create token</button>
        <p id="token-scope-hint" className="basis-full text-muted">
          A syndication token reads only GET /api/v1/syndication/items: every published story, correction and takedown as IPTC ninjs, and stories scheduled under an embargo before it ends, marked embargoed. Give it only to partners bound by your embargoes.
        </p>
      </form>
      {problem && <p role="alert" className="text-accent">{problem}</p>}
      {shown && (
        <div role="status" className="rounded border border-green-800 bg-green-50 p-3">
          <p>Token for <strong>{shown.name}</strong> — copy it now; it is not shown again:</p>
          <code data-testid="new-token" className="mt-1 block break-all font-mono text-xs">{shown.token}</code>
        </div>
      )}
      {tokens.length > 0 && (
        <ul className="divide-y divide-rule" aria-label="API tokens">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center gap-x-3 py-2">
              <span className="font-semibold">{token.name}</span>
              <span className="text-muted">{token.scope.toLowerCase()}</span>
              <span className="text-muted">
                made by {token.createdBy.name} {formatDateTime(new Date(token.createdAt))} · {token.lastUsedAt ? `last used ${formatDateTime(new Date(token.lastUsedAt))}` : "never used"}
              </span>
              {token.revokedAt ? (
                <span className="text-accent">revoked {formatDateTime(new Date(token.revokedAt))}</span>
              ) : (
                <button type="button" onClick={() => void revoke(token.id)} className="ml-auto rounded border border-rule px-2 py-0.5">Revoke</button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
