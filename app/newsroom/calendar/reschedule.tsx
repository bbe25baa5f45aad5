"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/editor/api";
import { DateTimeInput } from "@/components/newsroom/date-time-input";

/** Moves a scheduled story to a new time, typed in the newsroom's zone; the version that was scheduled is still the one that goes out. */
export function Reschedule({ articleId, at }: { articleId: string; /** the scheduled instant, ISO 8601: offered back in the newsroom's words */ at: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!open) {
    return <button type="button" onClick={() => setOpen(true)} className="mt-1 text-xs text-accent underline">Reschedule</button>;
  }
  return (
    <form
      className="mt-1 space-y-1"
      onSubmit={async (event) => {
        event.preventDefault();
        const publishAt = String(new FormData(event.currentTarget).get("publishAt") ?? "");
        const result = await api(`/articles/${articleId}/transitions`, { json: { action: "reschedule", publishAt } });
        if (!result.ok) return setProblem(result.error.message);
        setOpen(false);
        setProblem(null);
        router.refresh();
      }}
    >
      <DateTimeInput label="New time" labelClassName="block text-xs" name="publishAt" required defaultValue={at} className="block w-full rounded border border-rule px-1 text-xs" />
      <div className="flex gap-1">
        <button type="submit" className="rounded bg-ink px-2 py-0.5 text-xs text-paper">Move</button>
        <button type="button" onClick={() => setOpen(false)} className="rounded border border-rule px-2 py-0.5 text-xs">Cancel</button>
      </div>
      {problem && <p role="alert" className="text-xs text-accent">{problem}</p>}
    </form>
  );
}
