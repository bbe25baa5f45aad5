import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http";
import { servedImage } from "@/lib/media/access";
import { renditionBytes } from "@/lib/media/make-rendition";
import { CONTENT_TYPES } from "@/lib/media/renditions";
import { assertSafeKey, mediaStorage } from "@/lib/storage";

const NOT_FOUND = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "public, max-age=60", "X-Content-Type-Options": "nosniff" } });

/**
 * Renditions of stored photos, as lib/media/access.ts allows: those of live
 * stories to everyone (cacheable), the rest only to staff and share-link
 * holders (`?preview=<token>`), never stored by a cache. A rendition is made
 * on its first request and kept; `X-Rendition` says whether this answer
 * made it or read it back.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  try {
    assertSafeKey(key);
  } catch {
    return NOT_FOUND();
  }
  const served = await servedImage(key, { viewer: await getViewer(), previewToken: request.nextUrl.searchParams.get("preview") });
  if (!served) return NOT_FOUND();
  let rendition;
  try {
    rendition = await renditionBytes(mediaStorage(), served.originalKey, served.rendition);
  } catch (error) {
    // Busy (503 with Retry-After: the tier serves what it has meanwhile) or an original gone missing.
    return errorResponse(error);
  }
  return new Response(new Uint8Array(rendition.bytes), {
    headers: {
      "Content-Type": CONTENT_TYPES[served.rendition.format],
      // Public images may be withdrawn with their story: browsers keep them minutes, not a year.
      "Cache-Control": served.access === "public" ? "public, max-age=300" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Rendition": rendition.made ? "made" : "stored",
      ...(served.access === "private" && { "X-Robots-Tag": "noindex" }),
    },
  });
}
