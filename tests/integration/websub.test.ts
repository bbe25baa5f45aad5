import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as corrections } from "@/app/(site)/corrections/feed.xml/route";
import { GET as sectionFeed } from "@/app/(site)/sections/[slug]/feed.xml/route";
import { GET as siteFeed } from "@/app/feed.xml/route";
import { createDraft, transition } from "@/lib/articles";
import type { StaffViewer } from "@/lib/policy";
import { refreshAfterChange } from "@/lib/reader/cache";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

/**
 * WebSub (issue #25 item 5) with a real hub on loopback: the feeds name it,
 * a publish tells it of each changed feed, and after a change in a request
 * it hears only once the tier holds the new copies. A hub that fails is
 * logged and never the editor's error.
 */

interface Heard {
  at: number;
  path: string;
  body: string;
}

/** A loopback HTTP server that writes down what it is sent; `answer` is the status it gives. */
async function listener(answer: () => number = () => 204): Promise<{ server: Server; url: string; heard: Heard[] }> {
  const heard: Heard[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      heard.push({ at: performance.now(), path: request.url ?? "", body: request.method === "POST" ? `${request.headers["content-type"]} ${body}` : body });
      response.writeHead(answer()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, heard };
}

let hubStatus = 204;
const hub = await listener(() => hubStatus);
const tier = await listener(() => 200);
// Read once by lib/env.ts, on first use: set before anything in this file asks.
process.env.WEBSUB_HUB_URL = `${hub.url}/hub`;
process.env.READER_REFRESH_URL = tier.url;
process.env.NEXTAUTH_URL = "https://news.example.test";

let database: TestDatabase;
let editor: StaffViewer;
let section: { id: string; slug: string };

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  editor = asViewer(await makeUser(database.db, "EDITOR"));
  section = await database.db.section.create({ data: { slug: `harbour-${Date.now()}`, name: "Harbour" }, select: { id: true, slug: true } });
});
afterAll(async () => {
  await new Promise((resolve) => hub.server.close(resolve));
  await new Promise((resolve) => tier.server.close(resolve));
});

const published = (body: string) => new URLSearchParams(body.replace(/^\S+ /, ""));
const pingedFeeds = (heard: Heard[]) =>
  heard.filter((request) => request.path === "/hub").map((request) => {
    const form = published(request.body);
    expect(request.body.startsWith("application/x-www-form-urlencoded ")).toBe(true);
    expect(form.get("hub.mode")).toBe("publish");
    return form.get("hub.url");
  });

async function publishStory(headline: string) {
  const story = await createDraft(editor, { headline, standfirst: "A standfirst.", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text." }] }] }, sectionId: section.id });
  return transition(editor, { articleId: story.id, action: "publish", version: story.version });
}

describe("feeds name the hub and themselves", () => {
  it("the site's, a section's and the corrections' feed carry rel=hub and rel=self, in the document and the Link header", async () => {
    await publishStory("A story so the section has a feed");
    const feeds: [string, Response][] = [
      ["/feed.xml", await siteFeed()],
      [`/sections/${section.slug}/feed.xml`, await sectionFeed(new Request(`http://localhost/sections/${section.slug}/feed.xml`), { params: Promise.resolve({ slug: section.slug }) })],
      ["/corrections/feed.xml", await corrections()],
    ];
    for (const [path, response] of feeds) {
      expect(response.status).toBe(200);
      const xml = await response.text();
      expect(xml).toContain(`<atom:link href="${hub.url}/hub" rel="hub"/>`);
      expect(xml).toContain(`<atom:link href="https://news.example.test${path}" rel="self" type="application/rss+xml"/>`);
      expect(response.headers.get("link")).toBe(`<${hub.url}/hub>; rel="hub", <https://news.example.test${path}>; rel="self"`);
    }
  });
});

describe("a change tells the hub of each feed it touched", () => {
  it("a publish pings the hub with hub.mode=publish and the URL of every changed feed (the site's, its section's, the corrections')", async () => {
    hub.heard.length = 0;
    await publishStory("Ferry timetable changes");
    expect(pingedFeeds(hub.heard).sort()).toEqual(
      ["https://news.example.test/corrections/feed.xml", "https://news.example.test/feed.xml", `https://news.example.test/sections/${section.slug}/feed.xml`].sort(),
    );
  });

  it("after a change in a request, the hub hears only once the tier has refreshed the feeds (its second pass included)", async () => {
    hub.heard.length = 0;
    tier.heard.length = 0;
    await refreshAfterChange(["timeline"], ["/articles/a-story", "/feed.xml", "/corrections/feed.xml", "/"]);
    const tierDone = Math.max(...tier.heard.map((request) => request.at));
    expect(tier.heard.filter((request) => request.path === "/feed.xml")).toHaveLength(2);
    const pings = hub.heard.filter((request) => request.path === "/hub");
    expect(pings.map((request) => published(request.body).get("hub.url")).sort()).toEqual(["https://news.example.test/corrections/feed.xml", "https://news.example.test/feed.xml"]);
    for (const ping of pings) expect(ping.at).toBeGreaterThan(tierDone);
  });

  it("a change that touches no feed pings nothing", async () => {
    hub.heard.length = 0;
    await refreshAfterChange(["front-page"], ["/"]);
    expect(hub.heard).toEqual([]);
  });

  it("a hub that fails is logged, and the editor's publish goes through", async () => {
    hubStatus = 503;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      hub.heard.length = 0;
      const result = await publishStory("Published though the hub is down");
      expect(result.status).toBe("PUBLISHED");
      expect(pingedFeeds(hub.heard).length).toBeGreaterThan(0);
      expect(logged.mock.calls.map((call) => String(call[0])).some((line) => line.includes("[websub] the hub answered 503"))).toBe(true);
    } finally {
      logged.mockRestore();
      hubStatus = 204;
    }
  });
});
