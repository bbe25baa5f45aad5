import { NextResponse, type NextRequest } from "next/server";
import { staffCsp } from "@/lib/security-headers.js";

/**
 * Staff pages only (see `config.matcher`): a fresh CSP nonce per request —
 * Next reads it from the request's policy and stamps its scripts — and the
 * requested path, so the newsroom can send someone back after signing in.
 * No authorization here: services and pages check the viewer themselves.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = staffCsp(nonce, process.env.NODE_ENV !== "production");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  headers.set("x-nonce", nonce);
  headers.set("x-copydesk-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = {
  matcher: ["/newsroom/:path*", "/login", "/invitations/:path*", "/api/auth/:path*", "/api/v1/newsroom/:path*"],
};
