import { contentList, preflight, publicJson } from "@/lib/reader/content-api";

export const dynamic = "force-dynamic";

const param = (url: URL, name: string) => url.searchParams.get(name)?.slice(0, 200) || undefined;

export async function GET(request: Request) {
  const url = new URL(request.url);
  return publicJson(request, await contentList(param(url, "section"), param(url, "tag"), param(url, "cursor")));
}

export const OPTIONS = preflight;
