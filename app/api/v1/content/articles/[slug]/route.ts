import { pruneToSchema } from "@/lib/content/document";
import { countWords, readingMinutes } from "@/lib/content/word-count";
import { CORS_HEADERS, preflight, publicError, publicJson } from "@/lib/reader/content-api";
import { articleBySlug } from "@/lib/reader/article";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const found = await articleBySlug((await params).slug);
  if (found.kind === "moved") {
    return new Response(null, { status: 308, headers: { ...CORS_HEADERS, Location: `/api/v1/content/articles/${found.slug}` } });
  }
  if (found.kind === "gone") return publicError(410, "This article was withdrawn.");
  if (found.kind === "missing") return publicError(404, "No published article has that slug.");
  const { article, previous, next } = found;
  const body = pruneToSchema(article.body).document;
  const wordCount = countWords(body);
  return publicJson(request, {
    ...article,
    body,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    previous: previous && { slug: previous.slug, headline: previous.headline },
    next: next && { slug: next.slug, headline: next.headline },
  });
}

export const OPTIONS = preflight;
