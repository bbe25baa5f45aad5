import { sitemapIndex } from "@/lib/reader/feeds";
import { sitemapChunkCount } from "@/lib/reader/sitemaps";

export const dynamic = "force-dynamic";

export async function GET() {
  return sitemapIndex(await sitemapChunkCount());
}
