"use client";

import { useEffect, useState } from "react";
import { PRESENCE_BEAT_MS } from "@/lib/articles/presence-timing";
import { api } from "./api";

export interface Present {
  id: string;
  name: string;
}

/**
 * Who else has this story open: a warning, never a lock. The editor beats
 * while it is open and says it is leaving when the tab closes (pagehide,
 * with keepalive so the request outlives the page) or the person moves on
 * in the app (unmount), so the others' "Also open by …" goes with their next
 * beat rather than after the server's expiry. A page restored from the
 * back/forward cache beats again at once.
 */
export function usePresence(articleId: string | null): Present[] {
  const [others, setOthers] = useState<Present[]>([]);
  useEffect(() => {
    if (!articleId) return;
    let here = true;
    const path = `/articles/${articleId}/presence`;
    const beat = async () => {
      if (!here) return;
      const result = await api<{ others: Present[] }>(path, { method: "POST" });
      if (here && result.ok) setOthers(result.data.others);
    };
    const leave = () => {
      here = false;
      void fetch(`/api/v1/newsroom${path}`, { method: "DELETE", keepalive: true }).catch(() => {});
    };
    const back = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      here = true;
      void beat();
    };
    void beat();
    const timer = setInterval(() => void beat(), PRESENCE_BEAT_MS);
    window.addEventListener("pagehide", leave);
    window.addEventListener("pageshow", back);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("pageshow", back);
      if (here) leave();
    };
  }, [articleId]);
  return others;
}
