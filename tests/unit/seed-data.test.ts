import { describe, expect, it } from "vitest";
import { SLUG_PATTERN, slugify } from "@/lib/slug";
import { ARTICLES, SECTIONS, USERS } from "@/prisma/seed-data";

describe("the demo newsroom's content", () => {
  it("has unique, valid slugs", () => {
    const slugs = ARTICLES.map((article) => slugify(article.headline));
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(SLUG_PATTERN);
  });

  it("writes each story like news: standfirst, several paragraphs, a photo with caption, credit and alt text", () => {
    for (const article of ARTICLES) {
      expect(article.standfirst.length).toBeGreaterThan(40);
      expect(article.body.filter((node) => node.type === "paragraph").length).toBeGreaterThanOrEqual(2);
      expect(article.photo.caption).not.toBe("");
      expect(article.photo.credit).not.toBe("");
      expect(article.photo.alt).not.toBe("");
    }
  });

  it("quotes someone in every story that has been or is about to be published", () => {
    for (const article of ARTICLES.filter((a) => ["PUBLISHED", "SCHEDULED", "IN_REVIEW"].includes(a.state))) {
      expect(article.body.some((node) => node.type === "blockquote"), article.headline).toBe(true);
    }
  });

  it("uses only the seeded sections and people, and a future time only for the scheduled story", () => {
    const sections = new Set(SECTIONS.map((section) => section.slug));
    const users = new Set(USERS.map((user) => user.key));
    for (const article of ARTICLES) {
      expect(sections.has(article.section)).toBe(true);
      expect(users.has(article.author)).toBe(true);
      expect(article.hours > 0).toBe(article.state === "SCHEDULED");
    }
  });
});
