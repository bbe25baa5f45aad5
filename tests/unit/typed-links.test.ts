import { describe, expect, it } from "vitest";
import { normalizeTypedHref } from "@/lib/content/links";

describe("normalizeTypedHref(): addresses typed into the Link box", () => {
  it.each([
    ["example.org", "https://example.org"],
    [" example.org/source ", "https://example.org/source"],
    ["news.example.co.uk:8080/a?b=c#d", "https://news.example.co.uk:8080/a?b=c#d"],
    ["www.example.org", "https://www.example.org"],
    ["http://example.org", "http://example.org"],
    ["/sections/harbour", "/sections/harbour"],
    ["mailto:desk@example.org", "mailto:desk@example.org"],
  ])("takes %j as %j", (typed, href) => {
    expect(normalizeTypedHref(typed)).toEqual({ ok: true, href });
  });

  it.each([
    ["javascript:alert(1)", "not a web, email, phone or site link"],
    ["harbour", "not a web, email, phone or site link"],
    ["#top", "an in-page anchor"],
    ["example.org/a b", "a space inside the address"],
    ["example.org/\\evil", "a backslash inside the address (browsers read it as a slash)"],
  ])("refuses %j: %s", (typed, reason) => {
    expect(normalizeTypedHref(typed)).toEqual({ ok: false, reason });
  });
});
