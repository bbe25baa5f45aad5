"use client";

import { useEffect, useState } from "react";

/**
 * "Edit" for signed-in staff, decided in the browser so the cached page stays
 * the same for everyone. The newsroom sets a harmless hint cookie; only with
 * it do we ask for the session at all, so readers cost nothing extra.
 */
export function StaffEditLink({ articleId }: { articleId: string }) {
  const [staff, setStaff] = useState(false);
  useEffect(() => {
    if (!document.cookie.split("; ").includes("copydesk_staff=1")) return;
    fetch("/api/auth/session")
      .then((response) => response.json())
      .then((session: { userId?: string }) => setStaff(Boolean(session.userId)))
      .catch(() => setStaff(false));
  }, []);
  if (!staff) return null;
  return (
    <a href={`/newsroom/articles/${articleId}`} className="rounded border border-rule px-2 py-0.5 font-sans text-xs hover:bg-white">
      Edit
    </a>
  );
}
