"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The old way, for browsers without the asynchronous clipboard (a page
 * served over plain http from another host is not a secure context, and
 * some browsers leave `navigator.clipboard` out there): copy from a
 * selected, off-screen text area. Returns false when that fails too.
 */
function copyBySelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.left = "-9999px";
  document.body.append(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, the page not focused): the old way may still work.
    }
  }
  return copyBySelection(text);
}

/**
 * "Copy" beside a link shown once (an invitation, a reset link, a share
 * link), so it reaches the other person whole. `label` names what is copied
 * for screen readers ("Copy the invitation link for Ada"). The result is
 * announced in a live region that is always on the page (a region added
 * together with its text is often not read out); when the browser lets
 * nothing copy, it says to select the link by hand.
 */
export function CopyButton({ text, label, className }: { text: string; label: string; className?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    const copied = await copyText(text);
    setState(copied ? "copied" : "failed");
    clearTimeout(timer.current);
    if (copied) timer.current = setTimeout(() => setState("idle"), 4000);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={() => void copy()} aria-label={label} className={className ?? "rounded border border-rule px-2 py-0.5 text-xs font-semibold hover:bg-white"}>
        {state === "copied" ? "Copied" : "Copy"}
      </button>
      <span aria-live="polite" className={state === "failed" ? "text-xs text-accent" : "sr-only"}>
        {state === "copied" ? "Copied" : state === "failed" ? "Could not copy: select the link and copy it by hand." : ""}
      </span>
    </span>
  );
}
