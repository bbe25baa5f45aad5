import type { NextRequest } from "next/server";
import { imageAccess } from "@/lib/articles/media-access";
import { getViewer } from "@/lib/auth/viewer";
import { assertSafeKey, mediaStorage } from "@/lib/storage";

const NOT_FOUND = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "public, max-age=60", "X-Content-Type-Options": "nosniff" } });

/**
 * Stored images, as lib/articles/media-access.ts allows: those of live
 * stories to everyone (cacheable), the rest only to staff and share-link
 * holders (`?preview=<token>`), never stored by a cache.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  try {
    assertSafeKey(key);
  } catch {
    return NOT_FOUND();
  }
  const access = await imageAccess(key, { viewer: await getViewer(), previewToken: request.nextUrl.searchParams.get("preview") });
  const bytes = access ? await mediaStorage().get(key) : null;
  if (!bytes) return NOT_FOUND();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      // Public images may be withdrawn with their story: browsers keep them minutes, not a year.
      "Cache-Control": access === "public" ? "public, max-age=300" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...(access === "private" && { "X-Robots-Tag": "noindex" }),
    },
  });
}
