import { urlSet } from "@/lib/reader/feeds";
import { readerSections } from "@/lib/reader/listings";
import { sitemapChunk } from "@/lib/reader/sitemaps";

export const dynamic = "force-dynamic";

/** `/sitemaps/pages.xml`: the front page and sections; `/sitemaps/<n>.xml`: 10,000 articles each. */
export async function GET(_request: Request, { params }: { params: Promise<{ n: string }> }) {
  const { n } = await params;
  if (n === "pages.xml") {
    return urlSet([{ path: "/" }, ...(await readerSections()).map((section) => ({ path: `/sections/${section.slug}` }))]);
  }
  const match = /^(\d{1,4})\.xml$/.exec(n);
  if (!match) return new Response("Not found", { status: 404 });
  const rows = await sitemapChunk(Number(match[1]));
  if (rows.length === 0) return new Response("Not found", { status: 404 });
  return urlSet(rows.map((row) => ({ path: `/articles/${row.slug}`, lastModified: row.updatedAt })));
}
