import { CORS_HEADERS, preflight, publicError } from "@/lib/reader/content-api";
import { liveUpdates } from "@/lib/reader/live-blog";

export const dynamic = "force-dynamic"; // the data is cached by tag; nothing to build ahead

/**
 * What an open live-blog page polls (public/reader/article.js): small,
 * public and cached by the tier like a page, refreshed through it after every
 * entry change. The browser keeps it only briefly, below the poll interval.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const updates = await liveUpdates((await params).slug);
  if (!updates) return publicError(404, "No live coverage has that slug.");
  return Response.json(updates, { headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=2, s-maxage=1" } });
}

export const OPTIONS = preflight;
