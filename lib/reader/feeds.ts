import { plainText, type ArticleDocument } from "@/lib/content/document";
import { appUrl, env } from "@/lib/env";
import { CORRECTION_LABELS } from "@/lib/reader/article";
import type { CorrectionEntry } from "@/lib/reader/corrections";
import { entryHeadline, type ReaderEntry } from "@/lib/reader/live-blog";
import type { Teaser } from "@/lib/reader/read";
import { hubUrl } from "@/lib/reader/websub";

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

const XML_HEADERS = (type: string) => ({ "Content-Type": `${type}; charset=utf-8`, "Cache-Control": "public, max-age=60, s-maxage=1" });

/**
 * An RSS 2.0 document around already escaped items. It names its own address
 * (`rel="self"`) and, with WEBSUB_HUB_URL set, the WebSub hub (`rel="hub"`),
 * in the document and in Link headers: a subscriber finds the hub either way.
 */
function rss(channel: { title: string; path: string; description: string }, items: string[]): Response {
  const site = appUrl();
  const self = `${site}${channel.path}`;
  const hub = hubUrl();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(channel.title)}</title>
<link>${site}/</link>
<description>${escapeXml(channel.description)}</description>
<language>en</language>
<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>
${hub ? `<atom:link href="${escapeXml(hub)}" rel="hub"/>\n` : ""}${items.join("\n")}
</channel>
</rss>`;
  const headers: Record<string, string> = XML_HEADERS("application/rss+xml");
  if (hub) headers.Link = `<${hub}>; rel="hub", <${self}>; rel="self"`;
  return new Response(xml, { headers });
}

/** RSS 2.0 for the newest stories, every text escaped. */
export function rssFeed(items: Teaser[], channel: { title: string; path: string }): Response {
  const site = appUrl();
  return rss(
    { ...channel, description: `News from ${env().NEWSROOM_NAME}` },
    items.map(
      (item) => `<item>
<title>${escapeXml(item.headline)}</title>
<link>${site}/articles/${item.slug}</link>
<guid isPermaLink="false">${item.id}</guid>
<pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>
<description>${escapeXml(item.standfirst)}</description>
<author>${escapeXml(`${env().NEWSROOM_CONTACT_EMAIL} (${item.author.name})`)}</author>
${item.section ? `<category>${escapeXml(item.section.name)}</category>` : ""}
</item>`,
    ),
  );
}

/** RSS 2.0 of the newest public corrections, each linking to its story. */
export function correctionsFeed(corrections: CorrectionEntry[]): Response {
  const site = appUrl();
  return rss(
    { title: `${env().NEWSROOM_NAME}: corrections`, path: "/corrections/feed.xml", description: `Corrections, clarifications and updates from ${env().NEWSROOM_NAME}` },
    corrections.map(
      (correction) => `<item>
<title>${escapeXml(`${CORRECTION_LABELS[correction.kind]}: ${correction.article.headline}`)}</title>
<link>${site}${correction.path}</link>
<guid isPermaLink="false">correction-${correction.id}</guid>
<pubDate>${new Date(correction.publishedAt).toUTCString()}</pubDate>
<description>${escapeXml(correction.note)}</description>
<category>${CORRECTION_LABELS[correction.kind]}</category>
</item>`,
    ),
  );
}

export function sitemapIndex(chunks: number): Response {
  const site = appUrl();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${site}/sitemaps/pages.xml</loc></sitemap>
${Array.from({ length: chunks }, (_, n) => `<sitemap><loc>${site}/sitemaps/${n}.xml</loc></sitemap>`).join("\n")}
</sitemapindex>`;
  return new Response(xml, { headers: XML_HEADERS("application/xml") });
}

export function urlSet(urls: { path: string; lastModified?: string }[]): Response {
  const site = appUrl();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((url) => `<url><loc>${escapeXml(site + url.path)}</loc>${url.lastModified ? `<lastmod>${url.lastModified}</lastmod>` : ""}</url>`).join("\n")}
</urlset>`;
  return new Response(xml, { headers: XML_HEADERS("application/xml") });
}

/** Google News sitemap: the last 48 hours. */
export function newsSitemap(items: Teaser[]): Response {
  const site = appUrl();
  const name = escapeXml(env().NEWSROOM_NAME);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${items
  .map(
    (item) => `<url><loc>${site}/articles/${item.slug}</loc><news:news><news:publication><news:name>${name}</news:name><news:language>en</news:language></news:publication><news:publication_date>${item.publishedAt}</news:publication_date><news:title>${escapeXml(item.headline)}</news:title></news:news></url>`,
  )
  .join("\n")}
</urlset>`;
  return new Response(xml, { headers: XML_HEADERS("application/xml") });
}

/** RSS 2.0 of a live blog's newest entries, each linking to its place on the page. */
export function liveBlogFeed(blog: { slug: string; headline: string; standfirst: string }, entries: ReaderEntry[]): Response {
  const site = appUrl();
  return rss(
    { title: `${blog.headline} — live`, path: `/articles/${blog.slug}/feed.xml`, description: blog.standfirst || `Live coverage from ${env().NEWSROOM_NAME}` },
    entries.map(
      (entry) => `<item>
<title>${escapeXml(entryHeadline(entry))}</title>
<link>${site}/articles/${blog.slug}#entry-${entry.id}</link>
<guid isPermaLink="false">entry-${entry.id}</guid>
<pubDate>${new Date(entry.postedAt).toUTCString()}</pubDate>
<description>${escapeXml(plainText(entry.body as ArticleDocument))}</description>
</item>`,
    ),
  );
}
