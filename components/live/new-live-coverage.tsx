"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/editor/api";

/** Starts live coverage: an empty live draft, opened at once on its live desk. */
export function NewLiveCoverage() {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    const result = await api<{ id: string }>("/articles", { json: { kind: "live" } });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    router.push(`/newsroom/articles/${result.data.id}`);
  }
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void start()} className="rounded border border-ink px-4 py-2 text-sm font-semibold">
        New live coverage
      </button>
      {problem && <span role="alert" className="text-sm text-accent">{problem}</span>}
    </>
  );
}
