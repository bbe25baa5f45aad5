import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { figureLines, figuresWithoutAlt, plainText, pruneToSchema } from "@/lib/content/document";
import { renderArticleBody } from "@/lib/content/render";

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({ type: "text", text: value, ...(marks && { marks }) });

describe("stored article documents", () => {
  it("keeps everything the editor's schema knows", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [text("Heading")] },
        { type: "paragraph", content: [text("bold", [{ type: "bold" }]), text(" and a "), text("link", [{ type: "link", attrs: { href: "https://example.org" } }])] },
        { type: "blockquote", content: [{ type: "paragraph", content: [text("A quote")] }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("item")] }] }] },
      ],
    };
    expect(pruneToSchema(doc)).toEqual({ document: doc, dropped: [] });
  });

  it("drops unknown nodes and marks and says which", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "iframe", attrs: { src: "https://evil.example" } },
        { type: "paragraph", content: [text("kept", [{ type: "blink" }, { type: "italic" }])] },
      ],
    };
    const { document, dropped } = pruneToSchema(doc);
    expect(document).toEqual({ type: "doc", content: [{ type: "paragraph", content: [text("kept", [{ type: "italic" }])] }] });
    expect(dropped).toEqual(["node:iframe", "mark:blink"]);
  });

  it("turns something that is not a document into an empty one", () => {
    expect(pruneToSchema("<p>html</p>")).toEqual({ document: { type: "doc", content: [] }, dropped: ["document root"] });
    expect(pruneToSchema(null).document).toEqual({ type: "doc", content: [] });
  });

  it("renders text escaped, never as markup", () => {
    const doc = { type: "doc", content: [{ type: "paragraph", content: [text("<script>alert(1)</script>")] }] };
    const html = renderToStaticMarkup(<>{renderArticleBody(doc, "test")}</>);
    expect(html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });

  it("renders a stored document with unknown content instead of failing", () => {
    const doc = { type: "doc", content: [{ type: "video" }, { type: "paragraph", content: [text("still here")] }] };
    expect(renderToStaticMarkup(<>{renderArticleBody(doc, "test")}</>)).toBe("<p>still here</p>");
  });

  it("renders a decorative photo with an empty alt, whatever alt text it still carries, and a described one with its alt", () => {
    const src = "/media/images/0123456789abcdef0123456789abcdef/960.webp";
    const photo = (attrs: Record<string, unknown>) => ({ type: "doc", content: [{ type: "figure", attrs: { src, alt: "", caption: "Rain on the quay.", credit: "Jo Lindqvist", ...attrs } }] });
    const described = renderToStaticMarkup(<>{renderArticleBody(photo({ alt: "Rain on the quay at dusk" }), "test")}</>);
    expect(described).toContain(`<img src="${src}" alt="Rain on the quay at dusk" loading="lazy"`);
    // Its size known, the photo is a <picture> of renditions with width and height.
    const sizes = { "images/0123456789abcdef0123456789abcdef/": { width: 1200, height: 800 } };
    const placed = renderToStaticMarkup(<>{renderArticleBody(photo({ alt: "Rain on the quay at dusk" }), "test", { sizes, query: "" })}</>);
    expect(placed).toMatch(/<picture><source type="image\/avif" srcSet="[^"]*\/1200\.avif 1200w"/);
    expect(placed).toMatch(/<img [^>]*alt="Rain on the quay at dusk" width="1200" height="800" loading="lazy"/);
    expect(placed).toContain('<figcaption class="photo-caption">Rain on the quay. <span class="photo-credit">Photo: Jo Lindqvist</span></figcaption>');
    for (const doc of [photo({ decorative: true }), photo({ decorative: true, alt: "Left over from before it was marked" })]) {
      for (const html of [renderToStaticMarkup(<>{renderArticleBody(doc, "test")}</>), renderToStaticMarkup(<>{renderArticleBody(doc, "test", { sizes, query: "" })}</>)]) {
        expect(html).toMatch(/<img [^>]*alt=""/);
        expect(html).not.toContain("Left over");
      }
    }
  });

  it("counts photos without alt text, but not decorative ones or slots; the history line says which is which", () => {
    const figure = (attrs: Record<string, unknown>) => ({ type: "figure", attrs: { src: "/media/images/0123456789abcdef0123456789abcdef/960.webp", alt: "", caption: "", credit: "", ...attrs } });
    const body = {
      type: "doc",
      content: [
        figure({}),
        figure({ alt: "   " }),
        figure({ alt: "A gull on a post" }),
        figure({ decorative: true }),
        figure({ decorative: false }),
        figure({ src: "" }),
        { type: "blockquote", content: [figure({ decorative: true })] },
      ],
    };
    expect(figuresWithoutAlt(body)).toBe(3);
    expect(figuresWithoutAlt({ type: "doc", content: [figure({ decorative: true }), figure({ alt: "A gull" })] })).toBe(0);
    expect(figureLines({ type: "doc", content: [figure({ decorative: true, caption: "Texture" }), figure({ alt: "A gull" })] })).toEqual([
      "Photo /media/images/0123456789abcdef0123456789abcdef/960.webp: Texture (Photo: ) [decorative]",
      "Photo /media/images/0123456789abcdef0123456789abcdef/960.webp:  (Photo: ) [alt: A gull]",
    ]);
  });

  it("extracts plain text by paragraph", () => {
    const doc = { type: "doc", content: [{ type: "paragraph", content: [text("One "), text("two")] }, { type: "paragraph", content: [text("Three")] }] };
    expect(plainText(doc)).toBe("One two\n\nThree");
  });
});
