import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { validateDocument } from "@/lib/content/validate";
import { AppError } from "@/lib/errors";
import { htmlToDocument } from "@/lib/ingest/html";
import { parseNinjs } from "@/lib/ingest/ninjs";
import { parsePlainText } from "@/lib/ingest/plain-text";

/** The body as readable lines: "P: text" for a paragraph, "PHOTO: caption | credit" for a slot, "H2: …", "QUOTE: …". */
function outline(body: JSONContent): string[] {
  const textOf = (node: JSONContent): string => (node.text ?? "") + (node.content ?? []).map(textOf).join(node.type === "blockquote" ? " " : "");
  return (body.content ?? []).map((node) => {
    if (node.type === "figure") return `PHOTO: ${node.attrs!.caption} | ${node.attrs!.credit}`;
    if (node.type === "heading") return `H${node.attrs!.level}: ${textOf(node)}`;
    if (node.type === "blockquote") return `QUOTE: ${textOf(node)}`;
    if (node.type === "bulletList" || node.type === "orderedList") return `LIST: ${(node.content ?? []).map(textOf).join(" / ")}`;
    return `P: ${textOf(node)}`;
  });
}

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : `unexpected: ${String(error)}`;
  }
  return "accepted";
};

describe("plain text from stringers and other desks", () => {
  it("the shape the issue describes: captions with credits become slots where they stand, quotes stay, the headline-like line leads, boilerplate goes", () => {
    const draft = parsePlainText(`Crews clear the wreck of the cargo ship at the port on Monday (Photo: AP)

Harbour crane toppled by overnight storm

A crane at the city's container port collapsed onto a moored cargo ship during the storm on Sunday night, the port authority said.

“It went over like a matchstick,” said Dana Ruiz, a crane operator who was on shift.

Dock workers inspect the damaged crane on Monday morning (Picture: Port of Varna)

No one was hurt. The authority expects the berth to stay closed for at least two weeks.

Contact our news team by emailing us at news@example.com.
For more stories like this, check out our news page.
Previous article: Ferry timetable changes for winter`);
    expect(draft.headline).toBe("Harbour crane toppled by overnight storm");
    expect(draft.headlineFrom).toBe("candidate-line");
    expect(outline(draft.body)).toEqual([
      "PHOTO: Crews clear the wreck of the cargo ship at the port on Monday | AP",
      "P: A crane at the city's container port collapsed onto a moored cargo ship during the storm on Sunday night, the port authority said.",
      "P: “It went over like a matchstick,” said Dana Ruiz, a crane operator who was on shift.",
      "PHOTO: Dock workers inspect the damaged crane on Monday morning | Port of Varna",
      "P: No one was hurt. The authority expects the berth to stay closed for at least two weeks.",
    ]);
    expect(draft.dropped).toEqual([
      "Contact our news team by emailing us at news@example.com.",
      "For more stories like this, check out our news page.",
      "Previous article: Ferry timetable changes for winter",
    ]);
    expect(validateDocument(draft.body)).toEqual(draft.body);
  });

  it("takes a Headline: line (and a Standfirst: line) over any candidate", () => {
    const draft = parsePlainText("Headline: Council freezes parking fees\nStandfirst: The vote was unanimous.\n\nShort line without a stop here\n\nThe council voted on Tuesday to keep fees where they are.");
    expect(draft).toMatchObject({ headline: "Council freezes parking fees", headlineFrom: "headline-line", standfirst: "The vote was unanimous." });
    expect(outline(draft.body)).toEqual(["P: Short line without a stop here", "P: The council voted on Tuesday to keep fees where they are."]);
  });

  it("with no headline line and no candidate, takes the first sentence, and keeps the paragraph whole", () => {
    const draft = parsePlainText("The library will open on Sundays from March. Staff agreed to the new rota after a ballot.\n\nThe change costs the city nothing, officials said.");
    expect(draft).toMatchObject({ headline: "The library will open on Sundays from March", headlineFrom: "first-sentence" });
    expect(outline(draft.body)).toHaveLength(2);
  });

  it("reads Windows line endings, non-breaking spaces, zero-width spaces and a byte-order mark as plain spacing", () => {
    const draft = parsePlainText("\uFEFFMayor\u00A0opens new\u00A0bridge\r\n\r\nThe\u00A0bridge\u200B links the two banks.\r\nIt took four years.\r\n\r\nTraffic starts at noon.\r\n");
    expect(draft.headline).toBe("Mayor opens new bridge");
    expect(outline(draft.body)).toEqual(["P: The bridge links the two banks. It took four years.", "P: Traffic starts at noon."]);
  });

  it("a single paragraph is a story: its first sentence is the headline", () => {
    const draft = parsePlainText("Firefighters rescued a cat from the town hall roof on Friday. It was unhurt.");
    expect(draft.headline).toBe("Firefighters rescued a cat from the town hall roof on Friday");
    expect(outline(draft.body)).toEqual(["P: Firefighters rescued a cat from the town hall roof on Friday. It was unhurt."]);
  });

  it("joins hard-wrapped email lines into their paragraph, and splits off a caption even without blank lines round it", () => {
    const draft = parsePlainText("Headline: Rail line reopens\n\nTrains ran again on the coast line\non Saturday after repairs\nto the embankment.\nPassengers at Kelso station on Saturday (Image: Rail Co)\nServices are back to normal.");
    expect(outline(draft.body)).toEqual(["P: Trains ran again on the coast line on Saturday after repairs to the embankment.", "PHOTO: Passengers at Kelso station on Saturday | Rail Co", "P: Services are back to normal."]);
  });

  it("drops share prompts, follow and newsletter lines and 'next article' links wherever they stand", () => {
    const draft = parsePlainText("Headline: Market hall gets a roof\n\nShare this article\n\nThe market hall will get a new roof this summer.\n\nFollow us on Instagram\n\nSign up for our daily newsletter\n\nNext article\n\nAdvertisement\n\nWork starts in June.");
    expect(outline(draft.body)).toEqual(["P: The market hall will get a new roof this summer.", "P: Work starts in June."]);
    expect(draft.dropped).toEqual(["Share this article", "Follow us on Instagram", "Sign up for our daily newsletter", "Next article", "Advertisement"]);
  });

  it("never takes a quote, a caption or a sentence as the headline candidate", () => {
    const draft = parsePlainText("“We will rebuild the pier”\n\nThe pier burned down on Friday night (Photo: Lee Park)\n\nThe pier burned down on Friday night. The cause is not known.");
    expect(draft.headlineFrom).toBe("first-sentence");
    expect(draft.headline).toBe("The pier burned down on Friday night");
    expect(outline(draft.body)[0]).toBe("P: “We will rebuild the pier”");
  });

  it("refuses text with no story in it", () => {
    expect(refusal(() => parsePlainText(""))).toMatch(/^VALIDATION/);
    expect(refusal(() => parsePlainText("   \n\n\u00A0\n"))).toMatch(/^VALIDATION/);
    expect(refusal(() => parsePlainText("Share this article\n\nAdvertisement"))).toMatch(/^VALIDATION/);
    expect(refusal(() => parsePlainText("A view of the harbour (Photo: AP)"))).toMatch(/^VALIDATION/);
  });

  it("cuts an over-long first sentence at a word, within the headline's limit", () => {
    const long = `${"Officials said ".repeat(30)}done.`;
    const draft = parsePlainText(long);
    expect(draft.headline.length).toBeLessThanOrEqual(200);
    expect(draft.headline.endsWith("…")).toBe(true);
  });
});

describe("IPTC ninjs", () => {
  const ninjs2 = {
    uri: "urn:newsml:example.org:20261205:wire-123",
    type: "text",
    headlines: [{ role: "main", value: "Storm closes three ports" }, { role: "short", value: "Ports shut" }],
    descriptions: [{ role: "summary", value: "Ferries stay in harbour as gales reach 100 km/h." }],
    by: "Jo Lindqvist",
    bodies: [{ role: "main", contenttype: "text/html", value: "<p>Three ports <b>closed</b> on Friday.</p><h2>Ferries</h2><p>All <a href=\"https://example.org/ferries\">ferries</a> stayed in harbour.</p><ul><li>Varna</li><li>Kelso</li></ul><blockquote><p>“Safety first,” the harbour master said.</p></blockquote>" }],
    subjects: [{ name: "Weather", uri: "medtop:17000000" }, { name: "Transport" }],
    associations: [
      { name: "featureimage", type: "picture", uri: "urn:pic:1", descriptions: [{ role: "caption", value: "Waves break over the harbour wall in Varna." }], by: "AP Photo/Jo Lindqvist" },
      { name: "graphic", type: "graphic", uri: "urn:pic:2" },
    ],
  };

  it("makes a 2.x item a draft: headline, standfirst, byline, body through the whitelist, the picture as a slot with caption and credit, subjects as tags, uri kept", () => {
    const draft = parseNinjs(ninjs2);
    expect(draft).toMatchObject({ headline: "Storm closes three ports", headlineFrom: "ninjs", standfirst: "Ferries stay in harbour as gales reach 100 km/h.", byline: "Jo Lindqvist", tags: ["Weather", "Transport"], sourceId: ninjs2.uri, dropped: [] });
    expect(outline(draft.body)).toEqual([
      "PHOTO: Waves break over the harbour wall in Varna. | AP Photo/Jo Lindqvist",
      "P: Three ports closed on Friday.",
      "H2: Ferries",
      "P: All ferries stayed in harbour.",
      "LIST: Varna / Kelso",
      "QUOTE: “Safety first,” the harbour master said.",
    ]);
    expect(validateDocument(draft.body)).toEqual(draft.body);
    const link = draft.body.content![3]!.content!.find((node) => node.marks?.some((mark) => mark.type === "link"));
    expect(link!.marks![0]).toEqual({ type: "link", attrs: { href: "https://example.org/ferries" } });
  });

  it("understands the 1.x field names", () => {
    const draft = parseNinjs({
      uri: "urn:old:1",
      headline: "Council&nbsp;approves budget",
      description_text: "A 3% rise.",
      body_html: "<p>The council approved its budget.</p>",
      byline: "Ravi Patel",
      subject: [{ name: "Politics" }],
      associations: { main: { type: "picture", description_text: "The council chamber.", byline: "Reuters" } },
    });
    expect(draft).toMatchObject({ headline: "Council approves budget", standfirst: "A 3% rise.", byline: "Ravi Patel", tags: ["Politics"] });
    expect(outline(draft.body)).toEqual(["PHOTO: The council chamber. | Reuters", "P: The council approved its budget."]);
  });

  it("refuses what is not a text item it can use, saying why", () => {
    expect(refusal(() => parseNinjs([ninjs2]))).toBe("VALIDATION: Not a ninjs item: send one JSON object.");
    expect(refusal(() => parseNinjs({ ...ninjs2, uri: undefined }))).toMatch(/no uri/);
    expect(refusal(() => parseNinjs({ ...ninjs2, headlines: [] }))).toMatch(/no headline/);
    expect(refusal(() => parseNinjs({ ...ninjs2, type: "picture" }))).toMatch(/only text items/);
    expect(refusal(() => parseNinjs({ uri: "x", headline: "A headline" }))).toMatch(/no body/);
  });
});

describe("agency HTML", () => {
  it("keeps only what the document allows, lists what it dropped, and never lets markup through", () => {
    const { document, dropped } = htmlToDocument(
      `<div class="story"><p onclick="steal()">Text <span style="color:red">kept</span>.</p><script>alert(1)</script><iframe src="https://evil.example"></iframe>` +
        `<p><a href="javascript:alert(1)">bad link</a> and <img src="https://cdn.example/x.jpg"> an image.</p><table><tr><td>Cell text</td></tr></table>` +
        `<h5>Small heading</h5><p>Line<br>break &amp; entity</p></div>`,
    );
    expect(outline(document)).toEqual(["P: Text kept.", "P: bad link and an image.", "P: Cell text", "H3: Small heading", "P: Linebreak & entity"]);
    expect(dropped).toEqual(expect.arrayContaining(["<script>", "<iframe>", "link to javascript:alert(1)", "<img>"]));
    // The table is kept as a table (tests/unit/tables.test.tsx), its cell's words in it.
    expect(document.content?.[2]?.type).toBe("table");
    expect(JSON.stringify(document)).not.toMatch(/alert|evil|onclick|style|<|javascript/);
    expect(validateDocument(document)).toEqual(document);
  });
});

describe("navigation, repeated headlines and markup in text (issue #22)", () => {
  it("drops 'Previous article…'/'Next article…' glued to another story's headline, or after a colon or a space, but keeps sentences that begin so", () => {
    const draft = parsePlainText(
      "Headline: Pier reopens\n\nThe pier reopened on Saturday after two years of repairs.\n\nPrevious articles in this series looked at the sea wall.\n\nNext story in the series: the lido.\n\n" +
        "Previous articleAmanda Bynes and …\nNext articleBirmingham shooting: two men held\n« Previous article: Ferry fares rise\nNEXT ARTICLE Rail strike called off\nPrevious articleNext article",
    );
    expect(outline(draft.body)).toEqual(["P: The pier reopened on Saturday after two years of repairs.", "P: Previous articles in this series looked at the sea wall.", "P: Next story in the series: the lido."]);
    expect(draft.dropped).toEqual(["Previous articleAmanda Bynes and …", "Next articleBirmingham shooting: two men held", "« Previous article: Ferry fares rise", "NEXT ARTICLE Rail strike called off", "Previous articleNext article"]);
  });

  it("drops the headline where a page repeats it, and the tags and author lines below the last sentence", () => {
    const draft = parsePlainText("Pier reopens after two years\n\nThe pier reopened on Saturday.\n\nIt cost £2m.\n\nTAGS pier seafront\n\nPier reopens after two years");
    expect(draft.headline).toBe("Pier reopens after two years");
    expect(outline(draft.body)).toEqual(["P: The pier reopened on Saturday.", "P: It cost £2m."]);
    expect(draft.dropped).toEqual(["Pier reopens after two years", "TAGS pier seafront"]);
  });

  it("converts markup sent as text, never keeping a tag or an entity as characters", () => {
    const draft = parsePlainText("<h1>Pier reopens</h1><p>The pier reopened on <b>Saturday</b> &amp; crowds came.</p><script>track()</script><p>It cost &pound;2m.</p>");
    expect(draft).toMatchObject({ headline: "Pier reopens", headlineFrom: "page-heading" });
    expect(outline(draft.body)).toEqual(["P: The pier reopened on Saturday & crowds came.", "P: It cost £2m."]);
    expect(JSON.stringify(draft.body)).not.toMatch(/<|&amp;|track/);
  });

  it("reads a ninjs 3.x item's camelCase names and refuses nothing that says contentType instead of contenttype", () => {
    const draft = parseNinjs({
      uri: "urn:x:1",
      headlines: [{ role: "main", value: "Pier reopens" }],
      descriptions: [{ role: "summary", contentType: "text/html", value: "<p>After <i>two</i> years.</p>" }],
      bodies: [{ role: "main", contentType: "text/html", value: "<section class=\"main\"><p>One.</p><p>Two.</p></section>" }],
      copyrightHolder: "Agency",
      associations: [{ name: "p1", uri: "urn:x:p1", type: "picture", descriptions: [{ role: "caption", contentType: "text/plain", value: "The pier." }], copyrightHolder: "Agency Photo" }],
    });
    expect(draft.standfirst).toBe("After two years.");
    expect(outline(draft.body)).toEqual(["PHOTO: The pier. | Agency Photo", "P: One.", "P: Two."]);
  });

  it("refuses a page nested tens of thousands deep sent as text with a 400 at once, not a stack overflow", () => {
    const started = Date.now();
    expect(refusal(() => parsePlainText(`<h1>Pier reopens</h1>${"<div>".repeat(50_000)}x`))).toMatch(/^VALIDATION: .*nests elements more than/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("converts a body whose type says plain text but which holds markup", () => {
    const draft = parseNinjs({ uri: "urn:x:2", headline: "Pier reopens", bodies: [{ contentType: "text/plain", value: "<p>One &amp; two.</p><p>Three.</p>" }] });
    expect(outline(draft.body)).toEqual(["P: One & two.", "P: Three."]);
  });
});
