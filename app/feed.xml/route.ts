import { env } from "@/lib/env";
import { rssFeed } from "@/lib/reader/feeds";
import { feedItems } from "@/lib/reader/listings";

export const dynamic = "force-dynamic"; // the data is cached by tag; nothing to build ahead

export async function GET() {
  return rssFeed(await feedItems(undefined), { title: env().NEWSROOM_NAME, path: "/feed.xml" });
}
