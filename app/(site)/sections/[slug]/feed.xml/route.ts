import { env } from "@/lib/env";
import { rssFeed } from "@/lib/reader/feeds";
import { feedItems, sectionPage } from "@/lib/reader/listings";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const section = await sectionPage(slug, 1);
  if (!section) return new Response("Not found", { status: 404 });
  return rssFeed(await feedItems(slug), { title: `${env().NEWSROOM_NAME}: ${section.section.name}`, path: `/sections/${slug}/feed.xml` });
}
