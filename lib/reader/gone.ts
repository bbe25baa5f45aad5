import { db } from "@/lib/db";
import { WITHDRAWN } from "@/lib/reader/read";
import { rememberWithdrawnSlugs } from "@/lib/reader/withdrawn.js";

/**
 * Which article slugs answer 410 Gone: loaded when the server starts and
 * again every second, kept in memory, where the server edge answers from
 * (scripts/server-edge.mjs) — so the check costs no query and no middleware
 * on any reader request, and an archive shows within about a second.
 */
const REFRESH_MS = 1_000;

/**
 * Slugs readers must be told are gone (410), current and former, of
 * withdrawn stories (WITHDRAWN in lib/reader/read.ts).
 */
export async function archivedSlugs(): Promise<string[]> {
  const rows = await db().article.findMany({ where: WITHDRAWN, select: { slug: true, oldSlugs: { select: { slug: true } } } });
  return rows.flatMap((row) => [row.slug, ...row.oldSlugs.map((old) => old.slug)]);
}

async function refresh(): Promise<void> {
  try {
    rememberWithdrawnSlugs(new Set(await archivedSlugs()));
  } catch (error) {
    console.error("[gone] could not load archived slugs:", error instanceof Error ? error.message : error);
  }
}

/** Loads the list now (the first reader may be waiting) and keeps it fresh for the life of the process. */
export async function watchWithdrawnStories(): Promise<void> {
  await refresh();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void refresh().finally(() => (running = false));
  }, REFRESH_MS);
  timer.unref();
}
