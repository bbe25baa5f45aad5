import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken, tokenViewer } from "@/lib/auth/api-tokens";
import type { SignedInViewer } from "@/lib/auth/viewer";
import { ingest } from "@/lib/ingest/ingest";
import type { StaffViewer } from "@/lib/policy";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

/* Issue #25: ingest reads the embargo (ninjs `embargoed`, a plain-text "Embargoed until …" line) onto the draft. */

let database: TestDatabase;
let admin: StaffViewer;
let person: SignedInViewer;

const text = (body: string) => ({ contentType: "text/plain; charset=utf-8", body: new TextEncoder().encode(body) });
const json = (value: unknown) => ({ contentType: "application/json", body: new TextEncoder().encode(JSON.stringify(value)) });
const DAY = 86_400_000;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** 10:00 GMT some days from now, as an instant and as a press office writes it. */
const gmtTen = (days: number) => {
  const day = new Date(Date.now() + days * DAY);
  const instant = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10));
  return { instant, written: `10:00 GMT ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}` };
};
let counter = 0;
const item = (overrides: Record<string, unknown> = {}) => ({
  uri: `urn:wire:embargo:${++counter}:${Date.now()}`,
  type: "text",
  headlines: [{ role: "main", value: `Museum wins national award ${counter}` }],
  bodies: [{ role: "main", contenttype: "text/html", value: "<p>The harbour museum won the award.</p><p>It beat four others.</p>" }],
  ...overrides,
});
const storedEmbargo = async (id: string) => (await database.db.article.findUniqueOrThrow({ where: { id }, select: { embargoUntil: true } })).embargoUntil;

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  admin = asViewer(await makeUser(database.db, "ADMIN"));
  const reporter = await makeUser(database.db, "REPORTER", { name: "Rita Reporter" });
  person = { ...asViewer(reporter), name: reporter.name, email: reporter.email, machine: false };
});

describe("ingest reads the embargo", () => {
  it("from ninjs `embargoed`: set on the new draft, moved by a redelivery of the same item, kept by one that states none", async () => {
    const { token } = await createApiToken(admin, { name: "PA", scope: "INGEST" });
    const { viewer: wire } = await tokenViewer(token);
    const first = new Date(Date.now() + 2 * DAY);
    const wireItem = item({ embargoed: first.toISOString() });
    const created = await ingest(wire, json(wireItem));
    expect(created.created).toBe(true);
    expect(created.answer.embargoUntil).toEqual(first);
    expect(created.answer.notes).toEqual([expect.stringMatching(/^Embargoed until .*, from “embargoed: /)]);
    expect(await storedEmbargo(created.answer.id)).toEqual(first);

    // The agency moves it: an offset other than UTC names its own instant.
    const moved = new Date(Date.now() + 3 * DAY);
    const later = new Date(moved.getTime() - (moved.getTime() % 60_000));
    const offset = new Date(later.getTime() + 60 * 60_000).toISOString().replace(/\.\d{3}Z$/, "+01:00");
    const again = await ingest(wire, json({ ...wireItem, embargoed: offset }));
    expect(again).toMatchObject({ created: false, answer: { id: created.answer.id, version: 2 } });
    expect(await storedEmbargo(created.answer.id)).toEqual(later);

    // An update that leaves the field out does not lift the embargo: only an editor does, with a reason.
    const silent = await ingest(wire, json({ ...wireItem, embargoed: undefined, headlines: [{ role: "main", value: "Museum wins the national award" }] }));
    expect(silent.answer).toMatchObject({ id: created.answer.id, version: 3, embargoUntil: later, notes: [expect.stringMatching(/^This delivery states no embargo; the embargo already set \(.*\) is kept — an editor lifts it\.$/)] });
    expect(await storedEmbargo(created.answer.id)).toEqual(later);

    // Nor does one that states an earlier end: shortening an embargo is lifting it early.
    const sooner = await ingest(wire, json({ ...wireItem, embargoed: new Date(Date.now() + 90_000).toISOString() }));
    expect(sooner.answer).toMatchObject({ embargoUntil: later, notes: expect.arrayContaining([expect.stringMatching(/^This delivery states an earlier end; the embargo already set \(.*\) is kept/)]) });
    expect(await storedEmbargo(created.answer.id)).toEqual(later);
  });

  it("from a plain-text line: set, and the line is not in the body", async () => {
    const { instant, written } = gmtTen(4);
    const { answer } = await ingest(person, text(`PRESS RELEASE\n\nEMBARGOED UNTIL ${written}\n\nHarbour museum wins national award\n\nThe harbour museum has won the award, the judges said on Monday.`));
    expect(answer.embargoUntil).toEqual(instant);
    expect(answer.notes).toEqual([expect.stringMatching(new RegExp(`^Embargoed until .*, from “EMBARGOED UNTIL ${written}”\\.$`))]);
    const article = await database.db.article.findUniqueOrThrow({ where: { id: answer.id }, select: { embargoUntil: true, body: true, headline: true } });
    expect(article.embargoUntil).toEqual(instant);
    expect(article.headline).toBe("Harbour museum wins national award");
    expect(JSON.stringify(article.body)).not.toMatch(/embargo/i);
  });

  it("sets none when the embargo has passed or cannot be read, and the answer says so", async () => {
    const { written } = gmtTen(-2);
    const passed = await ingest(person, text(`Embargoed until ${written}\n\nFerry fares rise in January\n\nFares on the island ferries rise by 4% in January, the operator said.`));
    expect(passed.answer).toMatchObject({ embargoUntil: null, notes: [expect.stringMatching(/has passed: no embargo is set\.$/)] });
    expect(await storedEmbargo(passed.answer.id)).toBeNull();

    const unreadable = await ingest(person, text("Embargoed until the minister has spoken\n\nFerry fares rise in February\n\nFares on the island ferries rise by 5% in February, the operator said."));
    expect(unreadable.answer).toMatchObject({ embargoUntil: null, notes: [expect.stringMatching(/whose time could not be read .* set it by hand\.$/)] });
    const article = await database.db.article.findUniqueOrThrow({ where: { id: unreadable.answer.id }, select: { embargoUntil: true, body: true, headline: true } });
    expect(article).toMatchObject({ embargoUntil: null, headline: "Ferry fares rise in February" });
    expect(JSON.stringify(article.body)).toContain("Embargoed until the minister has spoken");

    const wirePassed = await ingest(person, json(item({ embargoed: new Date(Date.now() - DAY).toISOString() })));
    expect(wirePassed.answer).toMatchObject({ embargoUntil: null, notes: [expect.stringMatching(/has passed/)] });
  });
});
