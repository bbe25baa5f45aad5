import { expireInRequest, verifiedExpiry } from "@/lib/reader/cache";

/**
 * The scheduler's way to expire reader pages; only fresh requests signed with
 * the app secret count. The reader tier never passes this path on.
 */
export async function POST(request: Request) {
  const expiry = verifiedExpiry(await request.text(), request.headers.get("x-copydesk-signature"));
  if (!expiry) return new Response(null, { status: 403 });
  expireInRequest(expiry.tags, expiry.paths);
  return Response.json({ expired: expiry.tags.length });
}
