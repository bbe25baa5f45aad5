import { describe, expect, it } from "vitest";
import { isAllowedHref, normalizeHref } from "@/lib/content/links";

describe("normalizeHref(): links as people type and paste them", () => {
  it.each([
    ["www.example.org/report", "https://www.example.org/report"],
    ["  https://example.org/a?b=c#d ", "https://example.org/a?b=c#d"],
    ["http://example.org", "http://example.org"],
    ["mailto:desk@example.org", "mailto:desk@example.org"],
    ["tel:+44 20 7946 0000", "tel:+44 20 7946 0000"],
    ["/articles/harbour", "/articles/harbour"],
  ])("keeps %s as %s", (typed, href) => {
    expect(normalizeHref(typed)).toEqual({ ok: true, href });
    expect(isAllowedHref(href)).toBe(true);
  });

  it.each([
    ["#cite_note-3", "an in-page anchor"],
    ["//cdn.example/x.js", "an address without http(s)"],
    ["/\\evil.example/login", "an address without http(s)"],
    ["javascript:alert(1)", "not a web, email, phone or site link"],
    ["data:text/html,<b>x</b>", "not a web, email, phone or site link"],
    ["tel:call-me-maybe", "not a web, email, phone or site link"],
    ["ftp://files.example", "not a web, email, phone or site link"],
  ])("drops %s (%s)", (typed, reason) => {
    expect(normalizeHref(typed)).toEqual({ ok: false, reason });
    expect(isAllowedHref(typed)).toBe(false);
  });

  it("refuses on the server what only the editor would normalise", () => {
    expect(isAllowedHref("www.example.org")).toBe(false);
    expect(isAllowedHref(" https://example.org")).toBe(false);
  });
});
