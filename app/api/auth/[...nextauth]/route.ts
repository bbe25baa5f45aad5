import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { errorResponse, readJsonObject } from "@/lib/http";

/**
 * A sign-in refused for too many attempts answers 429 with Retry-After, like
 * every endpoint of ours (next-auth itself would answer with the error in
 * the URL it returns).
 */
async function withRateLimitStatus(request: Request, response: Response): Promise<Response> {
  // Asked for JSON (the sign-in form does), next-auth answers its redirect as { url } with the error in the URL.
  if (!new URL(request.url).pathname.endsWith("/callback/credentials") || !response.headers.get("content-type")?.includes("application/json")) return response;
  const { url } = (await response.clone().json().catch(() => ({}))) as { url?: string };
  const wait = /^RATE_LIMITED:(\d+)$/.exec(new URL(url ?? "/", "http://localhost").searchParams.get("error") ?? "")?.[1];
  if (!wait) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", wait);
  return new Response(response.body, { status: 429, headers });
}

/**
 * next-auth reads a JSON body with `request.json()` and lets a malformed one
 * escape as a 500: the body is checked the way every staff endpoint checks
 * one (400 for bad JSON, 413 past the limit), and next-auth reads the copy.
 */
async function refusingBadJson(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.get("content-type")?.includes("application/json")) return null;
  try {
    await readJsonObject(request.clone());
    return null;
  } catch (error) {
    return errorResponse(error);
  }
}

const handler = async (request: Request, context: { params: Promise<{ nextauth: string[] }> }) =>
  (await refusingBadJson(request)) ?? withRateLimitStatus(request, (await NextAuth(request as never, context as never, authOptions())) as Response);

export { handler as GET, handler as POST };
