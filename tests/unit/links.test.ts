import { describe, expect, it } from "vitest";
import { hrefProblem, isAllowedHref, normalizeHref } from "@/lib/content/links";

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
    ["/\\evil.example/login", "a backslash inside the address (browsers read it as a slash)"],
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

/**
 * Browsers drop tab, line feed and carriage return from anywhere in a URL, so
 * "/\t/evil.example" would be saved as a site path and followed as
 * "//evil.example" (issue #22, item 7). Every C0 control, DEL, C1 control,
 * every whitespace character and the backslash is refused wherever it sits,
 * in every kind of link, with the character named.
 */
describe("characters no link may hold", () => {
  const controls = [...Array.from({ length: 0x20 }, (_, code) => code), 0x7f, ...Array.from({ length: 0x20 }, (_, code) => 0x80 + code)].map((code) => String.fromCodePoint(code));
  const whitespace = [" ", "\u00a0", "\u1680", "\u2000", "\u2007", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"];
  const shapes = (c: string) => [
    `/${c}/evil.example`,
    `/articles${c}/x`,
    `https://example.org/${c}/evil.example`,
    `https://example.org/a?b=${c}&c=d`,
    `https://exa${c}mple.org/`,
    `mailto:desk${c}@example.org`,
    `tel:+44${c}20`,
    `www.example.org/${c}x`,
  ];
  const name = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

  it.each([...controls, ...whitespace, "\\"].map((c) => [name(c), c]))("refuses %s anywhere inside a link, on paste and on save", (_name, c) => {
    for (const href of shapes(c)) {
      // Spaces are a phone number's own separators; nothing else is.
      if (c === " " && href.startsWith("tel:")) continue;
      const verdict = normalizeHref(href);
      expect(verdict, JSON.stringify(href)).toMatchObject({ ok: false });
      expect(verdict.ok ? "" : verdict.reason, JSON.stringify(href)).toMatch(/inside the address/);
      expect(isAllowedHref(href), JSON.stringify(href)).toBe(false);
      expect(hrefProblem(href), JSON.stringify(href)).toMatch(/inside the address/);
    }
    // At either end the editor trims what trim() knows as space; the save-time check takes nothing it would have to trim.
    for (const href of [`/articles/x${c}`, `${c}/articles/x`]) expect(isAllowedHref(href), JSON.stringify(href)).toBe(false);
  });

  it.each([
    ["/\t/evil.example", "a tab inside the address"],
    ["/\n/evil.example", "a line break inside the address"],
    ["/\r/evil.example", "a line break inside the address"],
    ["\\\\evil.example", "a backslash inside the address (browsers read it as a slash)"],
    ["/\\/evil.example", "a backslash inside the address (browsers read it as a slash)"],
    ["/\u0000/evil.example", "a control character (U+0000) inside the address"],
    ["/\u007f/evil.example", "a control character (U+007F) inside the address"],
    ["https://example.org/a b", "a space inside the address"],
  ])("names what is wrong with %j", (href, reason) => {
    expect(normalizeHref(href)).toEqual({ ok: false, reason });
    expect(hrefProblem(href)).toBe(reason);
  });

  it("still trims what a person pasted around an address, and keeps a phone number's spaces", () => {
    expect(normalizeHref("\t https://example.org/a \n")).toEqual({ ok: true, href: "https://example.org/a" });
    expect(isAllowedHref("tel:+44 20 7946 0000")).toBe(true);
    expect(hrefProblem(" https://example.org")).toBe("space around the address");
  });
});
