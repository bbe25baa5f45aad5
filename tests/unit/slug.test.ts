import { describe, expect, it } from "vitest";
import { isPlaceholderSlug, SLUG_PATTERN, slugFollowsHeadline, slugify, untitledSlug } from "@/lib/slug";

describe("slugify", () => {
  it.each([
    ["City council approves late-night bus network in 7–2 vote", "city-council-approves-late-night-bus-network-in-7-2-vote"],
    ["Tomás Reyes’ café review", "tomas-reyes-cafe-review"],
    ["  --Hello,   World!--  ", "hello-world"],
    ["Ünïcödé & symbols: 100%", "unicode-symbols-100"],
  ])("%s → %s", (headline, slug) => {
    expect(slugify(headline)).toBe(slug);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it("keeps slugs to 80 characters without a trailing hyphen", () => {
    const slug = slugify("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it("gives an empty slug for text with no letters or digits, for the caller to refuse", () => {
    expect(slugify("!!! — ???")).toBe("");
  });
});

describe("slugFollowsHeadline", () => {
  it("follows while the address is the placeholder of a story planned or started before its headline", () => {
    const placeholder = untitledSlug();
    expect(isPlaceholderSlug(placeholder)).toBe(true);
    expect(slugFollowsHeadline({ slug: placeholder, headline: "", publishedAt: null })).toBe(true);
    // Typed into the headline, saved: the address is the headline's, and keeps following it.
    expect(slugFollowsHeadline({ slug: "harbour-dredging-starts", headline: "Harbour dredging starts", publishedAt: null })).toBe(true);
  });

  it("stops for an address someone chose, and for one readers have had", () => {
    expect(slugFollowsHeadline({ slug: "dredging", headline: "Harbour dredging starts", publishedAt: null })).toBe(false);
    expect(slugFollowsHeadline({ slug: "untitled-notes", headline: "", publishedAt: null })).toBe(false);
    expect(slugFollowsHeadline({ slug: "harbour-dredging-starts", headline: "Harbour dredging starts", publishedAt: "2026-12-01T10:00:00.000Z" })).toBe(false);
    expect(slugFollowsHeadline({ slug: untitledSlug(), headline: "", publishedAt: new Date() })).toBe(false);
  });
});
