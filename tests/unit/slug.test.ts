import { describe, expect, it } from "vitest";
import { SLUG_PATTERN, slugify } from "@/lib/slug";

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
