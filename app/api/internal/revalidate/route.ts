import { z } from "zod";
import { expireInRequest, verifySignature } from "@/lib/reader/cache";

const Body = z.object({ tags: z.array(z.string().min(1).max(256)).max(500), paths: z.array(z.string().startsWith("/").max(512)).max(500) }).strict();

/** The scheduler's way to expire reader pages; only requests signed with the app secret count. */
export async function POST(request: Request) {
  const text = await request.text();
  if (!verifySignature(text, request.headers.get("x-copydesk-signature"))) return new Response(null, { status: 403 });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return new Response(null, { status: 400 });
  }
  const parsed = Body.safeParse(json);
  if (!parsed.success) return new Response(null, { status: 400 });
  expireInRequest(parsed.data.tags, parsed.data.paths);
  return Response.json({ expired: parsed.data.tags.length });
}
