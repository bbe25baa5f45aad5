import { contentList, listCursor, preflight, publicError, publicJson } from "@/lib/reader/content-api";

export const dynamic = "force-dynamic";

const param = (url: URL, name: string) => url.searchParams.get(name)?.slice(0, 200) || undefined;

export async function GET(request: Request) {
  const url = new URL(request.url);
  const cursor = param(url, "cursor");
  const after = cursor === undefined ? null : listCursor(cursor);
  if (cursor !== undefined && !after) return publicError(400, "cursor: not one this API gave; pass the nextCursor of the page before, or leave it out for the first page.");
  return publicJson(request, await contentList(param(url, "section"), param(url, "tag"), after));
}

export const OPTIONS = preflight;
