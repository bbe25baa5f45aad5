"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/editor/api";

/** A draft readers have never had may become live coverage: its page then carries the live desk. */
export function MakeLiveCoverage({ articleId }: { articleId: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  async function convert() {
    const result = await api(`/articles/${articleId}`, { method: "PATCH", json: { kind: "live" } });
    if (!result.ok) return setProblem(result.error.message);
    router.refresh();
  }
  return (
    <p className="flex flex-wrap items-center gap-3 text-sm text-muted">
      Breaking news?
      <button type="button" onClick={() => void convert()} className="rounded border border-rule px-3 py-1 text-ink">
        Make it live coverage
      </button>
      {problem && <span role="alert" className="text-accent">{problem}</span>}
    </p>
  );
}
