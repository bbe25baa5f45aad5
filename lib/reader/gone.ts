import { archivedSlugs } from "@/lib/reader/published";

/**
 * Which article slugs answer 410 Gone. Kept in memory and refreshed at most
 * once a second in the background, so the check costs nothing per request
 * and an archive shows within about a second.
 */
const REFRESH_MS = 1_000;
let slugs = new Set<string>();
let loadedAt = 0;
let loading: Promise<void> | null = null;

function refresh(): Promise<void> {
  loading ??= archivedSlugs()
    .then((list) => {
      slugs = new Set(list);
      loadedAt = Date.now();
    })
    .catch((error: unknown) => console.error("[gone] could not load archived slugs:", error instanceof Error ? error.message : error))
    .finally(() => {
      loading = null;
    });
  return loading;
}

export async function isGone(slug: string): Promise<boolean> {
  if (loadedAt === 0) await refresh();
  else if (Date.now() - loadedAt > REFRESH_MS) void refresh();
  return slugs.has(slug);
}
