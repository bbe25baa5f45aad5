import { describe, expect, it } from "vitest";
import { isOverdue } from "@/lib/articles/budget";
import { countWords, lengthLabel, readingMinutes } from "@/lib/content/word-count";
import { mentionedIn } from "@/lib/notifications/mentions";
import { retryDelay } from "@/lib/notifications/outbox";

const paragraph = (...texts: ({ text: string; bold?: true } | string)[]) => ({
  type: "paragraph",
  content: texts.map((text) => (typeof text === "string" ? { type: "text", text } : { type: "text", text: text.text, marks: [{ type: "bold" }] })),
});

describe("word count and reading time", () => {
  it("counts the words readers read, across blocks and marks, not captions or punctuation", () => {
    const body = {
      type: "doc",
      content: [
        paragraph("The council met on Monday.", " It voted 7–2."),
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What next" }] },
        paragraph("Half", { text: "way", bold: true }, " there — ", { text: "again", bold: true }),
        { type: "figure", attrs: { src: "/media/images/x/1.jpg", alt: "", caption: "A long caption that is not counted", credit: "AP" } },
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph("one")] }, { type: "listItem", content: [paragraph("two")] }] },
        paragraph("end."),
        paragraph("Next"),
      ],
    };
    // 5 + 3 ("It voted 7–2.") + 2 + 3 ("Halfway there again") + 2 + 1 + 1
    expect(countWords(body)).toBe(17);
  });

  it("is zero for an empty story and rounds reading time to whole minutes, at least one", () => {
    expect(countWords({ type: "doc", content: [] })).toBe(0);
    expect(countWords(null)).toBe(0);
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(12)).toBe(1);
    expect(readingMinutes(700)).toBe(3);
    expect(lengthLabel(1)).toBe("1 word · 1 min read");
  });
});

describe("@mentions", () => {
  const people = [
    { id: "rita", name: "Rita Reporter", email: "rita@example.com" },
    { id: "ed", name: "Ed Editor", email: "e.editor@example.com" },
    { id: "ritas", name: "Ritaso Other", email: "ritaso@example.com" },
  ];

  it("finds a full name or the address's first part, in any case", () => {
    expect(mentionedIn("@Rita Reporter please check the quote", people)).toEqual(["rita"]);
    expect(mentionedIn("thanks @rita, and @E.EDITOR too", people)).toEqual(["rita", "ed"]);
    expect(mentionedIn("(@ritaso) done", people)).toEqual(["ritas"]);
  });

  it("does not see a mention inside an address or a longer word", () => {
    expect(mentionedIn("mail rita@example.com", people)).toEqual([]);
    expect(mentionedIn("@ritax", people)).toEqual([]);
    expect(mentionedIn("no mention here", people)).toEqual([]);
  });
});

describe("the desk's clock", () => {
  const now = new Date("2026-12-05T12:00:00Z");
  it("calls a story overdue only while it is still with the reporter", () => {
    const passed = new Date("2026-12-05T11:00:00Z");
    expect(isOverdue({ deadline: passed, status: "DRAFT" }, now)).toBe(true);
    expect(isOverdue({ deadline: passed, status: "CHANGES_REQUESTED" }, now)).toBe(true);
    expect(isOverdue({ deadline: passed, status: "IN_REVIEW" }, now)).toBe(false);
    expect(isOverdue({ deadline: new Date("2026-12-05T13:00:00Z"), status: "DRAFT" }, now)).toBe(false);
    expect(isOverdue({ deadline: null, status: "DRAFT" }, now)).toBe(false);
  });

  it("waits longer after every failed mail, up to an hour", () => {
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelay(30)).toBe(3_600_000);
  });
});
