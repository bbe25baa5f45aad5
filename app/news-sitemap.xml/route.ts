import { newsSitemap } from "@/lib/feeds";
import { recentForNews } from "@/lib/published";

export const dynamic = "force-dynamic";

export async function GET() {
  return newsSitemap(await recentForNews());
}
