import { pruneToSchema } from "@/lib/content/document";
import { countWords, readingMinutes } from "@/lib/content/word-count";
import { apiShareImage, apiTeaser, CORS_HEADERS, preflight, publicError, publicJson } from "@/lib/reader/content-api";
import { articleBySlug } from "@/lib/reader/article";
import { ENTRY_ID, liveBlogEntries } from "@/lib/reader/live-blog";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const found = await articleBySlug((await params).slug);
  if (found.kind === "moved") {
    return new Response(null, { status: 308, headers: { ...CORS_HEADERS, Location: `/api/v1/content/articles/${found.slug}` } });
  }
  if (found.kind === "gone") return publicError(410, "This article was withdrawn.");
  if (found.kind === "missing") return publicError(404, "No published article has that slug.");
  const { article, previous, next } = found;
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  if (cursor !== undefined && !ENTRY_ID.test(cursor)) return publicError(400, "cursor: not a cursor this API gave.");
  const entries = article.coverage ? await liveBlogEntries(article.slug, cursor) : null;
  if (cursor !== undefined && !entries) return publicError(404, "That cursor names no posted entry of this live blog.");
  const body = pruneToSchema(article.body).document;
  const wordCount = countWords(body);
  return publicJson(request, {
    ...apiTeaser(article),
    coverage: article.coverage,
    updatedAt: article.updatedAt,
    tags: article.tags,
    corrections: article.corrections,
    seoTitle: article.seoTitle,
    description: article.description,
    socialImage: apiShareImage(article.socialImage),
    body,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    previous: previous && { slug: previous.slug, headline: previous.headline },
    next: next && { slug: next.slug, headline: next.headline },
    ...(entries && {
      entries: entries.entries.map((entry) => ({
        id: entry.id,
        title: entry.title,
        body: pruneToSchema(entry.body).document,
        keyEvent: entry.keyEvent,
        pinned: entry.pinned,
        postedAt: entry.postedAt,
        updatedAt: entry.updatedAt,
        authors: entry.authors,
      })),
      nextCursor: entries.olderFrom,
    }),
  });
}

export const OPTIONS = preflight;
