import { newsSitemap } from "@/lib/reader/feeds";
import { recentForNews } from "@/lib/reader/sitemaps";

export const dynamic = "force-dynamic";

export async function GET() {
  return newsSitemap(await recentForNews());
}
