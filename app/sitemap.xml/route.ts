import { sitemapIndex } from "@/lib/feeds";
import { sitemapChunkCount } from "@/lib/published";

export const dynamic = "force-dynamic";

export async function GET() {
  return sitemapIndex(await sitemapChunkCount());
}
