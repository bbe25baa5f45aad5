import { NextResponse, type NextRequest } from "next/server";
import { isGone } from "@/lib/reader/gone";
import { staffCsp } from "@/lib/security-headers.js";

const GONE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article withdrawn</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:Georgia,serif;max-width:36rem;margin:6rem auto;padding:0 1rem;text-align:center"><h1>This article was withdrawn</h1>
<p>It is no longer published. <a href="/">Go to the front page</a>.</p></body></html>`;

/** A malformed escape ("%E0%A4%A") is the client's mistake, answered 400, never a 500. */
function decodedOrNull(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Two jobs, by path (see `config.matcher`):
 * - reader article URLs: an archived article answers 410 Gone (a page
 *   cannot set that status itself);
 * - staff pages: a fresh CSP nonce per request — Next reads it from the
 *   request's policy and stamps its scripts — the requested path (to come
 *   back after signing in), and the hint cookie that shows "Edit" links on
 *   reader pages. No authorization here: services and pages check the viewer.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/articles/")) {
    const slug = decodedOrNull(pathname.slice("/articles/".length));
    if (slug === null) return new NextResponse("Bad request: the address is not valid.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    if (await isGone(slug)) {
      return new NextResponse(GONE_PAGE, { status: 410, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=60, s-maxage=1" } });
    }
    return NextResponse.next();
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = staffCsp(nonce, process.env.NODE_ENV !== "production");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  headers.set("x-nonce", nonce);
  headers.set("x-copydesk-path", `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Cache-Control", "private, no-store");
  // A preview is a working copy: never indexed, wherever the link ends up.
  if (pathname.startsWith("/preview/")) response.headers.set("X-Robots-Tag", "noindex, nofollow");
  if (pathname.startsWith("/newsroom")) response.cookies.set("copydesk_staff", "1", { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 30 });
  return response;
}

export const config = {
  // Must be literal for Next; the staff part mirrors STAFF_PATH_PREFIXES in lib/security-headers.js.
  matcher: ["/articles/:slug", "/newsroom/:path*", "/login", "/login/:path*", "/invitations/:path*", "/api/auth/:path*", "/api/v1/newsroom/:path*", "/preview/:path*"],
};
