"use client";

import { signOut } from "next-auth/react";
import { readyToLeave } from "@/components/editor/leave-guard";

export function SignOutButton() {
  return (
    <button type="button" onClick={async () => (await readyToLeave()) && (await signOut({ callbackUrl: "/login" }))} className="rounded border border-rule px-3 py-1 hover:bg-white">
      Sign out
    </button>
  );
}
