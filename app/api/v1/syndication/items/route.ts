import { partnerRoute } from "@/lib/http";
import { syndicationItems } from "@/lib/syndication/items";

export const dynamic = "force-dynamic";

/** The partners' feed: `?since=<cursor>` → `{ items: [ninjs 3.0], next }` (docs/syndication.md). Never cached: a page depends on the token. */
export const GET = partnerRoute(async ({ partner, request }) =>
  Response.json(await syndicationItems(partner, { since: new URL(request.url).searchParams.get("since") }), { headers: { "Cache-Control": "private, no-store" } }),
);
