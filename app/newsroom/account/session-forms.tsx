"use client";

import { useActionState } from "react";
import { endSessionAction } from "./actions";

/** "End session" beside one session; ending this device's own signs out here (the action redirects). */
export function EndSessionForm({ handle, label }: { handle: string; label: string }) {
  const [state, action, pending] = useActionState(endSessionAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="session" value={handle} />
      <button type="submit" disabled={pending} aria-label={label} className="rounded border border-rule px-2 py-0.5 hover:bg-white">
        End session
      </button>
      {state && !state.ok && <span role="alert" className="text-xs text-accent">{state.message}</span>}
    </form>
  );
}
