import { correctionsFeed } from "@/lib/reader/feeds";
import { correctionsPage } from "@/lib/reader/corrections";

export const dynamic = "force-dynamic"; // the data is cached by tag; nothing to build ahead

export async function GET() {
  return correctionsFeed((await correctionsPage(1)).corrections);
}
