import { peerAddress } from "@/lib/auth/client-address";
import { expireInRequest, verifiedExpiry } from "@/lib/reader/cache";

const LOOPBACK = new Set(["127.0.0.1", "::1"]);

/**
 * The scheduler's way to expire reader pages: only from this machine, and
 * only fresh requests signed with the app secret. The reader tier never
 * passes this path on. The peer counts only as the server edge stamped it.
 */
export async function POST(request: Request) {
  if (!LOOPBACK.has(peerAddress((name) => request.headers.get(name)) ?? "")) return new Response(null, { status: 404 });
  const expiry = verifiedExpiry(await request.text(), request.headers.get("x-copydesk-signature"));
  if (!expiry) return new Response(null, { status: 403 });
  expireInRequest(expiry.tags, expiry.paths);
  return Response.json({ expired: expiry.tags.length });
}
