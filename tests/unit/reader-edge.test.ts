import { describe, expect, it } from "vitest";
import { loggedPath } from "@/lib/log.js";
import { pageTags, pathsAffectedBy, tagsAffectedBy, type ReaderFacts } from "@/lib/reader/tags";

const story: ReaderFacts = {
  id: "a1",
  slug: "harbour-bridge-reopens",
  authorId: "u7",
  sectionSlug: "city",
  tagSlugs: ["transport", "bridges"],
  neighbourSlugs: ["older-story", "newer-story"],
};

describe("a reader page's cache tags (sent downstream as Cache-Tag)", () => {
  it("name every page a change refreshes with a tag that change purges", () => {
    const moved = { ...story, slug: "harbour-bridge-reopens-at-last", sectionSlug: "region", tagSlugs: ["transport"] };
    const purged = new Set(tagsAffectedBy(story, moved));
    for (const path of pathsAffectedBy(story, moved)) {
      const tags = pageTags(path);
      expect(tags.length, path).toBeGreaterThan(0);
      expect(tags.some((tag) => purged.has(tag)), `${path} → ${tags.join(",")}`).toBe(true);
    }
  });

  it("follow the URL: pages of a list, feeds, the content API, escaped slugs", () => {
    expect(pageTags("/")).toEqual(["timeline", "front-page"]);
    expect(pageTags("/page/3")).toEqual(["timeline", "front-page"]);
    expect(pageTags("/articles/caf%C3%A9-opens")).toEqual(["slug:café-opens"]);
    expect(pageTags("/api/v1/content/articles/harbour")).toEqual(["slug:harbour"]);
    expect(pageTags("/sections/city/2")).toEqual(["section:city"]);
    expect(pageTags("/sections/city/feed.xml")).toEqual(["section:city", "timeline"]);
    expect(pageTags("/tags/transport")).toEqual(["tag:transport"]);
    expect(pageTags("/authors/u7/2")).toEqual(["author:u7"]);
    expect(pageTags("/corrections/feed.xml")).toEqual(["corrections"]);
    expect(pageTags("/sitemaps/0")).toEqual(["timeline"]);
  });

  it("are none for staff pages, media, search and malformed addresses", () => {
    for (const path of ["/newsroom", "/login", "/media/abc.webp", "/search", "/articles/%E0%A4%A", "/articles/a/b", "/preview/token"]) expect(pageTags(path), path).toEqual([]);
  });
});

describe("the path a request log line shows", () => {
  it("drops the query string and the secret in invitation, reset and preview links", () => {
    expect(loggedPath("/search?q=who+leaked")).toBe("/search");
    expect(loggedPath("/invitations/3f9a7c?x=1")).toBe("/invitations/[token]");
    expect(loggedPath("/login/reset/abcdef")).toBe("/login/reset/[token]");
    expect(loggedPath("/preview/sekret")).toBe("/preview/[token]");
    expect(loggedPath("/preview/articles/a1")).toBe("/preview/articles/a1");
    expect(loggedPath("/articles/harbour")).toBe("/articles/harbour");
  });
});
