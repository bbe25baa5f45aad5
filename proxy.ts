import { NextResponse, type NextRequest } from "next/server";
import { staffCsp } from "@/lib/security-headers.js";

/**
 * Staff pages only (see `config.matcher`): a fresh CSP nonce per request —
 * Next reads it from the request's policy and stamps its scripts — the
 * requested path (to come back after signing in), and the hint cookie that
 * shows "Edit" links on reader pages. No authorization here: services and
 * pages check the viewer. Reader pages never pass through here: withdrawn
 * stories' 410 is answered at the server edge (scripts/server-edge.mjs).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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
  // Must be literal for Next; mirrors STAFF_PATH_PREFIXES in lib/security-headers.js.
  matcher: ["/newsroom/:path*", "/login", "/login/:path*", "/invitations/:path*", "/api/auth/:path*", "/api/v1/newsroom/:path*", "/preview/:path*"],
};
