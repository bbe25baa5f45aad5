import { newsSitemap } from "@/lib/reader/feeds";
import { recentForNews } from "@/lib/reader/published";

export const dynamic = "force-dynamic";

export async function GET() {
  return newsSitemap(await recentForNews());
}
