import { describe, expect, it } from "vitest";
import { documentRefusal } from "../support/document-refusal";

const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks && { marks }) });
const doc = (...content: unknown[]) => ({ type: "doc", content });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const image = { type: "figure", attrs: { src: "/media/images/0123456789abcdef0123456789abcdef/960.webp", alt: "A harbour", caption: "The harbour", credit: "Jo Lindqvist" } };


describe("validateDocument", () => {
  it("accepts everything the editor makes", () => {
    const body = doc(
      { type: "heading", attrs: { level: 2 }, content: [text("Heading")] },
      p(text("bold", [{ type: "bold" }]), text(" "), text("italic", [{ type: "italic" }]), text(" "), text("link", [{ type: "link", attrs: { href: "https://example.org", target: null, rel: null, class: null } }])),
      { type: "blockquote", content: [p(text("“A quote,” she said."))] },
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("one"))] }] },
      image,
      p(text("mail", [{ type: "link", attrs: { href: "mailto:desk@example.org" } }]), text(" and "), text("site", [{ type: "link", attrs: { href: "/articles/x" } }])),
      p(text("call the desk", [{ type: "link", attrs: { href: "tel:+44 20 7946 0000" } }])),
    );
    expect(documentRefusal(body)).toBe("accepted");
  });

  it("takes a photo marked decorative or not, with or without alt text", () => {
    for (const attrs of [{ decorative: true, alt: "" }, { decorative: false }, { decorative: true }, {}]) {
      expect(documentRefusal(doc({ ...image, attrs: { ...image.attrs, ...attrs } }))).toBe("accepted");
    }
    expect(documentRefusal(doc({ type: "figure", attrs: { src: "", alt: "", caption: "A slot", credit: "", decorative: false } }))).toBe("accepted");
  });

  it.each([
    ["text", "true"],
    ["text saying false (truthy, it would silence the alt text check)", "false"],
    ["a number", 1],
    ["nothing", null],
  ])("refuses a photo whose decorative mark is %s", (_name, value) => {
    const refused = documentRefusal(doc({ ...image, attrs: { ...image.attrs, decorative: value } }));
    expect(refused).toMatch(/^VALIDATION: body: a photo's "decorative" must be true or false/);
  });

  it("names every bad link at once, so one fix is not followed by the next refusal", () => {
    const link = (href: string) => text(href, [{ type: "link", attrs: { href } }]);
    const refused = documentRefusal(doc(p(link("#cite_note-3"), text(" "), link("//cdn.example/x"), text(" "), link("javascript:alert(1)"), text(" "), link("https://fine.example"))));
    expect(refused).toContain(`"#cite_note-3", "//cdn.example/x", "javascript:alert(1)"`);
    expect(refused).not.toContain("fine.example");
  });

  it.each([
    ["HTML instead of a document", "<p>hello</p>", /must be an editor document/],
    ["an unknown node", doc({ type: "iframe", attrs: { src: "https://evil.example" } }), /"iframe" is not allowed/],
    ["a script node", doc({ type: "script", content: [text("alert(1)")] }), /"script" is not allowed/],
    ["an unknown mark", doc(p(text("x", [{ type: "blink" }]))), /mark "blink" is not allowed/],
    ["an unknown attribute", doc({ type: "paragraph", attrs: { onclick: "alert(1)" }, content: [text("x")] }), /attribute "onclick"/],
    ["a javascript: link", doc(p(text("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))), /not a web \(http, https\), email, phone or site link/],
    ["a protocol-relative link", doc(p(text("x", [{ type: "link", attrs: { href: "//evil.example" } }]))), /not a web \(http, https\), email, phone or site link/],
    ["a site path with a tab browsers drop (//host)", doc(p(text("x", [{ type: "link", attrs: { href: "/\t/evil.example" } }]))), /a tab inside the address: "\/\\t\/evil\.example"/],
    ["a third-party image", doc({ ...image, attrs: { ...image.attrs, src: "https://evil.example/x.png" } }), /images must be uploaded/],
    ["a data: image", doc({ ...image, attrs: { ...image.attrs, src: "data:image/svg+xml,<svg onload=alert(1)>" } }), /images must be uploaded/],
    ["text directly in the document", doc(text("loose")), /body:/],
    ["a heading level the editor does not offer", doc({ type: "heading", attrs: { level: 1 }, content: [text("x")] }), /body:/],
  ])("refuses %s", (_name, input, message) => {
    expect(documentRefusal(input)).toMatch(/^VALIDATION: /);
    expect(documentRefusal(input)).toMatch(message);
  });

  it("refuses an oversized body as too large", () => {
    const huge = doc(...Array.from({ length: 6000 }, () => p(text("x".repeat(100)))));
    expect(documentRefusal(huge)).toMatch(/^TOO_LARGE/);
  });
});
