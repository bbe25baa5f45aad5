import { createHash } from "node:crypto";

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match",
  "Access-Control-Expose-Headers": "ETag",
};

/** Public JSON with an ETag; a matching If-None-Match gets 304 and no body. */
export function publicJson(request: Request, data: unknown, status = 200): Response {
  const body = JSON.stringify(data);
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { ...CORS_HEADERS, ETag: etag, "Cache-Control": "public, max-age=60, s-maxage=1", "Content-Type": "application/json" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { status, headers });
}

export function publicError(status: 404 | 410, message: string): Response {
  return Response.json({ error: { code: status === 410 ? "gone" : "not_found", message } }, { status, headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=60, s-maxage=1" } });
}

export const preflight = () => new Response(null, { status: 204, headers: { ...CORS_HEADERS, "Access-Control-Max-Age": "86400" } });
