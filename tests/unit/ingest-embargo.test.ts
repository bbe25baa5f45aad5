import { readFileSync } from "node:fs";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { embargoOutcome, readEmbargoField, readEmbargoLine } from "@/lib/ingest/embargo";
import { parseNinjs } from "@/lib/ingest/ninjs";
import { parsePlainText } from "@/lib/ingest/plain-text";

/* Issue #25: ingest reads the embargo — from ninjs `embargoed` and from a plain-text "Embargoed until …" line. */

interface Case {
  line: string;
  zone?: string;
  expect: string | "unreadable" | null;
  form: string;
}
const fixture = JSON.parse(readFileSync(path.join(__dirname, "../fixtures/ingest/embargo-lines.json"), "utf8")) as { now: string; cases: Case[] };
const now = new Date(fixture.now);
const london = { zone: "Europe/London", now };

const outcomeOf = (reading: ReturnType<typeof readEmbargoLine>) => (reading === null ? null : reading.ok ? reading.instant.toISOString() : "unreadable");
const blocksOf = (body: JSONContent) => (body.content ?? []).map((node) => (node.content ?? []).map((child) => child.text ?? "").join(""));

describe("an embargo line, in the styles senders write it", () => {
  it.each(fixture.cases.map((entry) => [entry.line, entry] as const))("%s", (_line, entry) => {
    expect(outcomeOf(readEmbargoLine(entry.line, { zone: entry.zone ?? "Europe/London", now }))).toBe(entry.expect);
  });

  it("holds a dozen real styles at least, and every kind of answer", () => {
    expect(fixture.cases.filter((entry) => typeof entry.expect === "string" && entry.expect !== "unreadable").length).toBeGreaterThanOrEqual(12);
    expect(fixture.cases.some((entry) => entry.expect === "unreadable")).toBe(true);
    expect(fixture.cases.some((entry) => entry.expect === null)).toBe(true);
  });

  it("fills what the line leaves out: the year (the next such date), the day (the next such time), the time (the day's start)", () => {
    const read = (line: string, at = now) => outcomeOf(readEmbargoLine(line, { zone: "Europe/London", now: at }));
    expect(read("Embargoed until 10:00 5 January")).toBe("2027-01-05T10:00:00.000Z");
    expect(read("Embargoed until 10:00 7 December")).toBe("2026-12-07T10:00:00.000Z"); // today: passed, not a year away
    expect(read("Embargoed until 00:01 GMT")).toBe("2026-12-08T00:01:00.000Z");
    expect(read("Embargoed until 18:00")).toBe("2026-12-07T18:00:00.000Z");
    expect(read("Embargoed until Tuesday 8 December 2026")).toBe("2026-12-08T00:00:00.000Z");
    expect(read("Embargoed until 10am tomorrow")).toBe("2026-12-08T10:00:00.000Z");
    expect(read("Embargo lifts at 00:01 on 8 December 2026")).toBe("2026-12-08T00:01:00.000Z");
    expect(read("Embargoed until: 2026-12-08T00:01:00-05:00")).toBe("2026-12-08T05:01:00.000Z");
    // Summer in London: the newsroom's clock is BST, and a line's "GMT" is still GMT.
    expect(read("Embargoed until 10:00 1 July 2027")).toBe("2027-07-01T09:00:00.000Z");
    expect(read("Embargoed until 10:00 GMT 1 July 2027")).toBe("2027-07-01T10:00:00.000Z");
    // ET follows New York's clocks; EST is a fixed offset whatever the season.
    expect(read("Embargoed until 10:00 ET 1 July 2027")).toBe("2027-07-01T14:00:00.000Z");
    expect(read("Embargoed until 10:00 EST 1 July 2027")).toBe("2027-07-01T15:00:00.000Z");
    // A stale release from this year's calendar: its weekday fits this year's date, which has passed.
    expect(read("Embargoed until 00:01 Tuesday 8 December", new Date("2026-12-20T12:00:00Z"))).toBe("2026-12-08T00:01:00.000Z");
  });

  it("tells the desk what it set, what had passed, and what it could not read", () => {
    const set = embargoOutcome("EMBARGOED UNTIL 00:01 GMT TUESDAY 8 DECEMBER 2026", readEmbargoLine("EMBARGOED UNTIL 00:01 GMT TUESDAY 8 DECEMBER 2026", london)!, london);
    expect(set).toEqual({ embargoUntil: new Date("2026-12-08T00:01:00Z"), note: "Embargoed until Tue 8 Dec 2026, 00:01 GMT, from “EMBARGOED UNTIL 00:01 GMT TUESDAY 8 DECEMBER 2026”." });
    const passed = embargoOutcome("Embargoed until 7 December 2026, 09:00 GMT", readEmbargoLine("Embargoed until 7 December 2026, 09:00 GMT", london)!, london);
    expect(passed).toEqual({ embargoUntil: null, note: "The copy's embargo (“Embargoed until 7 December 2026, 09:00 GMT”, Mon 7 Dec 2026, 09:00 GMT) has passed: no embargo is set." });
    const unreadable = embargoOutcome("Embargoed until the minister has spoken", readEmbargoLine("Embargoed until the minister has spoken", london)!, london);
    expect(unreadable.embargoUntil).toBeNull();
    expect(unreadable.note).toBe("The copy states an embargo (“Embargoed until the minister has spoken”) whose time could not be read — it names no date or time. No embargo is set: set it by hand.");
  });
});

describe("ninjs `embargoed`", () => {
  it("reads ISO 8601 with an offset as that instant, and without one in the newsroom's zone", () => {
    const field = (value: unknown, zone = "Europe/Berlin") => {
      const reading = readEmbargoField(value, zone);
      return reading.ok ? reading.instant.toISOString() : `unreadable: ${reading.problem}`;
    };
    expect(field("2026-12-08T00:01:00Z")).toBe("2026-12-08T00:01:00.000Z");
    expect(field("2026-12-08T00:01:00.000+01:00")).toBe("2026-12-07T23:01:00.000Z");
    expect(field("2026-12-08T00:01:00.25Z")).toBe("2026-12-08T00:01:00.250Z");
    expect(field("2026-12-08T00:01:00-0500")).toBe("2026-12-08T05:01:00.000Z");
    expect(field("2026-12-08T00:01:00")).toBe("2026-12-07T23:01:00.000Z");
    expect(field("2026-12-08T00:01")).toBe("2026-12-07T23:01:00.000Z");
    expect(field("2026-07-08T00:01", "America/New_York")).toBe("2026-07-08T04:01:00.000Z");
    expect(field("2026-02-30T10:00:00Z")).toMatch(/^unreadable: there is no 30 February 2026/);
    expect(field("next Tuesday")).toMatch(/^unreadable: it is not an ISO 8601 date and time/);
    expect(field(1765152060)).toMatch(/^unreadable/);
  });

  const item = (embargoed: unknown) => ({ uri: "urn:wire:embargo:1", headline: "Ports close as gales arrive", body_text: "Three ports closed on Monday.", ...(embargoed !== undefined && { embargoed }) });

  it("sets the draft's embargo when still to come, and says so", () => {
    const draft = parseNinjs(item("2026-12-08T00:01:00Z"), london);
    expect(draft.embargoUntil).toEqual(new Date("2026-12-08T00:01:00Z"));
    expect(draft.notes).toEqual(["Embargoed until Tue 8 Dec 2026, 00:01 GMT, from “embargoed: 2026-12-08T00:01:00Z”."]);
  });

  it("sets none when it has passed or cannot be read, and says why; none at all when the item has none", () => {
    expect(parseNinjs(item("2026-12-01T00:01:00Z"), london)).toMatchObject({ embargoUntil: null, notes: [expect.stringMatching(/has passed: no embargo is set/)] });
    expect(parseNinjs(item("soon"), london)).toMatchObject({ embargoUntil: null, notes: [expect.stringMatching(/could not be read .* No embargo is set/)] });
    expect(parseNinjs(item(undefined), london)).toMatchObject({ embargoUntil: null, notes: [] });
    // ninjs 3.x spells the same field in the same way; 1.x items carry it too: the name is read case-blind like every other.
    expect(parseNinjs({ ...item(undefined), Embargoed: "2026-12-09T10:00:00+00:00" }, london).embargoUntil).toEqual(new Date("2026-12-09T10:00:00Z"));
  });
});

describe("plain text with an embargo line", () => {
  const release = (line: string) => `PRESS RELEASE\n\n${line}\n\nHarbour museum wins national award\n\nThe harbour museum has won the Museum of the Year award, the judges said on Monday.\n\nIt beat four others.`;

  it("takes the line out of the body and sets the embargo", () => {
    const draft = parsePlainText(release("EMBARGOED UNTIL 00:01 GMT TUESDAY 8 DECEMBER 2026"), london);
    expect(draft.embargoUntil).toEqual(new Date("2026-12-08T00:01:00Z"));
    expect(draft.headline).toBe("Harbour museum wins national award");
    expect(blocksOf(draft.body)).toEqual(["The harbour museum has won the Museum of the Year award, the judges said on Monday.", "It beat four others."]);
    expect(JSON.stringify(draft.body)).not.toMatch(/embargo/i);
    expect(draft.notes).toEqual(["Embargoed until Tue 8 Dec 2026, 00:01 GMT, from “EMBARGOED UNTIL 00:01 GMT TUESDAY 8 DECEMBER 2026”."]);
  });

  it("reads a line a mail program wrapped, its date on the next line", () => {
    const draft = parsePlainText("EMBARGOED UNTIL 00:01 GMT\nTUESDAY 8 DECEMBER 2026\n\nHarbour museum wins national award\n\nThe harbour museum has won the award, the judges said.", london);
    expect(draft.embargoUntil).toEqual(new Date("2026-12-08T00:01:00Z"));
    expect(blocksOf(draft.body)).toEqual(["The harbour museum has won the award, the judges said."]);
  });

  it("keeps a line it cannot read in the body — never as the headline — sets nothing, and says so", () => {
    const draft = parsePlainText(release("Embargoed until the minister has spoken"), london);
    expect(draft.embargoUntil).toBeNull();
    expect(draft.headline).toBe("Harbour museum wins national award");
    expect(blocksOf(draft.body)).toEqual(["Embargoed until the minister has spoken", "The harbour museum has won the Museum of the Year award, the judges said on Monday.", "It beat four others."]);
    expect(draft.notes).toEqual([expect.stringMatching(/^The copy states an embargo \(“Embargoed until the minister has spoken”\) whose time could not be read/)]);
    expect(draft.dropped).not.toContain("Embargoed until the minister has spoken");
  });

  it("takes a passed embargo's line out too, sets nothing and says it has passed", () => {
    const draft = parsePlainText(release("Embargoed until 7 December 2026, 09:00 GMT"), london);
    expect(draft.embargoUntil).toBeNull();
    expect(JSON.stringify(draft.body)).not.toMatch(/embargo/i);
    expect(draft.notes).toEqual([expect.stringMatching(/has passed: no embargo is set/)]);
  });

  it("reads the line in HTML copy's text too, and only near the top: a story that mentions an embargo is left alone", () => {
    const page = parsePlainText("<article><p><strong>Embargo: 10:00 BST, 9 Dec 2026</strong></p><h1>Harbour museum wins national award</h1><p>The harbour museum has won the award, the judges said.</p></article>", london);
    expect(page.embargoUntil).toEqual(new Date("2026-12-09T09:00:00Z"));
    expect(JSON.stringify(page.body)).not.toMatch(/embargo/i);
    const story = parsePlainText(`Headline: Oil embargo tightened\n\n${Array.from({ length: 10 }, (_, index) => `Paragraph ${index + 1} of the story, a sentence.`).join("\n\n")}\n\nEmbargoed until 00:01 GMT 8 December 2026`, london);
    expect(story.embargoUntil).toBeNull();
    expect(story.notes).toEqual([]);
    const headlineAboutIt = parsePlainText("Embargo on Russian oil tightened as talks stall\n\nMinisters agreed new limits on Monday.", london);
    expect(headlineAboutIt).toMatchObject({ headline: "Embargo on Russian oil tightened as talks stall", embargoUntil: null, notes: [] });
  });

  it("reads the line in the newsroom's zone when it names none", () => {
    const draft = parsePlainText(release("Embargoed until 00:01 Tuesday 8 December"), { zone: "America/New_York", now });
    expect(draft.embargoUntil).toEqual(new Date("2026-12-08T05:01:00Z"));
    expect(draft.notes[0]).toBe("Embargoed until Tue 8 Dec 2026, 00:01 EST, from “Embargoed until 00:01 Tuesday 8 December”.");
  });
});
