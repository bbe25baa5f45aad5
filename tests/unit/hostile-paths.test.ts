import { validateHeaderValue } from "node:http";
import { describe, expect, it } from "vitest";
import { headerSafeTag, pageTags } from "@/lib/reader/cache-tags.js";
import { unsoundPath, unsoundQuery } from "@/lib/reader/request-path.js";
import { at, BAD_SEGMENTS, ODD_SEGMENTS, READER_ROUTES } from "../support/hostile-paths";

/*
 * Issue #22: a path could hang a reader request for minutes (a Cache-Tag header built from a decoded
 * segment threw), and malformed escapes answered 500 on section, tag and author routes. The server edge
 * now refuses every unsound path with 400 (lib/reader/request-path.js) and names tags header-safe
 * (lib/reader/cache-tags.js). Here: the whole class, generated, in every dynamic segment of every
 * reader route. The edge itself, over real HTTP: tests/unit/server-edge.test.ts.
 */

describe("the server edge's path check", () => {
  for (const route of READER_ROUTES) {
    it(`refuses every undecodable segment in ${route}`, () => {
      for (const [what, segment] of BAD_SEGMENTS) {
        const path = at(route, segment);
        expect(unsoundPath(path), `${what}: ${JSON.stringify(path)}`).not.toBeNull();
        expect(unsoundPath(`${path}?page=2`), `${what} with a query`).not.toBeNull();
      }
    });

    it(`lets sound segments through in ${route}`, () => {
      for (const [what, segment] of [...ODD_SEGMENTS, ["plain", "harbour-bridge-reopens"] as [string, string]]) {
        expect(unsoundPath(at(route, segment)), what).toBeNull();
      }
    });
  }

  it("does not look at the query string, which unsoundQuery judges", () => {
    expect(unsoundPath("/search?q=%E0%A4%A")).toBeNull();
    expect(unsoundPath("/")).toBeNull();
  });
});

describe("the server edge's query check", () => {
  // A NUL in ?q= or ?section= reached PostgreSQL, which refuses it in text: a 500 on search and the content API.
  const controls = [...Array.from({ length: 0x20 }, (_, code) => code), 0x7f, 0x85, 0x9f].map((code) => String.fromCharCode(code));
  for (const route of ["/search", "/api/v1/content/articles", "/api/v1/syndication/items", "/sections/city", "/login", "/newsroom/articles"]) {
    it(`refuses a control character in any query name or value of ${route}`, () => {
      for (const control of controls) {
        const escaped = encodeURIComponent(control);
        for (const query of [`q=${escaped}`, `q=x${escaped}x`, `section=city&cursor=${escaped}`, `${escaped}=1`, `tag=a&q=b${escaped}`]) {
          expect(unsoundQuery(`${route}?${query}`), `${route}?${query}`).not.toBeNull();
        }
      }
    });
  }

  it("lets ordinary and merely odd queries through, as routes read them", () => {
    for (const target of ["/search", "/search?", "/search?q=harbour+bridge", "/search?q=%C3%A9t%C3%A9", "/search?q=%E0%A4%A", "/search?q=%", "/search?q=%F0%9F%8C%8A", "/?_rsc=1x2y", "/login?callbackUrl=%2Fnewsroom%2Farticles"]) {
      expect(unsoundQuery(target), target).toBeNull();
    }
  });
});

describe("a page's cache tags", () => {
  it("never throw and always make a header value, whatever the segment", () => {
    for (const route of READER_ROUTES) {
      for (const [what, segment] of [...BAD_SEGMENTS, ...ODD_SEGMENTS]) {
        const path = at(route, segment);
        let tags: string[] = [];
        expect(() => (tags = pageTags(path).map(headerSafeTag)), `${what}: ${path}`).not.toThrow();
        for (const value of [tags.join(","), tags.join(" ")]) expect(() => validateHeaderValue("Cache-Tag", value), `${what}: ${path} → ${value}`).not.toThrow();
        for (const tag of tags) expect(tag, `${what}: ${path}`).toMatch(/^[\x21-\x2b\x2d-\x7e]+$/);
      }
    }
  });

  it("leave real tags as they are and escape the rest as UTF-8", () => {
    expect(headerSafeTag("slug:harbour-bridge-reopens")).toBe("slug:harbour-bridge-reopens");
    expect(headerSafeTag("author:clx0abc123")).toBe("author:clx0abc123");
    expect(headerSafeTag("section:\u0100")).toBe("section:%C4%80");
    expect(headerSafeTag("tag:a,b c")).toBe("tag:a%2Cb%20c");
    expect(headerSafeTag("tag:\n")).toBe("tag:%0A");
    expect(headerSafeTag("slug:\ud800")).toBe("slug:%EF%BF%BD");
    expect(pageTags("/sections/%C4%80").map(headerSafeTag)).toEqual(["section:%C4%80"]);
  });

  it("are not named for a name longer than any page has, so a made-up one cannot swell the headers", () => {
    for (const route of ["/articles/X", "/api/v1/content/articles/X", "/sections/X", "/sections/X/2", "/sections/X/feed.xml", "/tags/X", "/tags/X/3", "/authors/X", "/authors/X/2"]) {
      expect(pageTags(at(route, "a".repeat(200))).length, route).toBeGreaterThan(0);
      expect(pageTags(at(route, "a".repeat(201))), route).toEqual([]);
      expect(pageTags(at(route, "%C4%80".repeat(1000))), route).toEqual([]);
    }
  });
});
