import { beforeAll, describe, expect, it } from "vitest";
import { getArticle, saveDraft, transition } from "@/lib/articles";
import { createApiToken, tokenViewer } from "@/lib/auth/api-tokens";
import type { SignedInViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { ingest } from "@/lib/ingest/ingest";
import type { StaffViewer } from "@/lib/policy";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

/**
 * Issue #22, item 4: a source id (ninjs `uri`) belongs to whoever sent it —
 * an API token's own user, or the person importing. The same uri from
 * anyone else is their own story: it never rewrites, and never names, a
 * draft its sender cannot see.
 */
let database: TestDatabase;
let admin: StaffViewer;
let editor: StaffViewer;
let reporterA: SignedInViewer;
let reporterB: SignedInViewer;

const json = (value: unknown) => ({ contentType: "application/json", body: new TextEncoder().encode(JSON.stringify(value)) });
let counter = 0;
const item = (uri: string, headline: string) => ({
  uri,
  type: "text",
  headlines: [{ role: "main", value: headline }],
  bodies: [{ role: "main", contenttype: "text/html", value: `<p>${headline}: the first paragraph.</p><p>The second.</p>` }],
});
const freshUri = () => `urn:newsml:example.com:20261207:${++counter}-${Date.now()}`;

async function person(role: "REPORTER" | "EDITOR", name: string): Promise<SignedInViewer> {
  const user = await makeUser(database.db, role, { name });
  return { ...asViewer(user), name: user.name, email: user.email, machine: false };
}
async function wire(name: string) {
  const { token } = await createApiToken(admin, { name, scope: "INGEST" });
  return (await tokenViewer(token)).viewer;
}
/** Everything about a row a redelivery could have touched. */
const snapshot = (id: string) =>
  database.db.article.findUniqueOrThrow({
    where: { id },
    select: { headline: true, standfirst: true, body: true, version: true, status: true, authorId: true, sourceId: true, sourceScope: true, sourceAgency: true, sourceReceivedAt: true, updatedAt: true, _count: { select: { revisions: true } } },
  });
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)));

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  admin = asViewer(await makeUser(database.db, "ADMIN"));
  editor = asViewer(await makeUser(database.db, "EDITOR"));
  reporterA = await person("REPORTER", "Ada Reporter");
  reporterB = await person("REPORTER", "Ben Reporter");
});

describe("a source id belongs to its sender", () => {
  it("another reporter sending the same uri gets a draft of their own; the first draft is untouched and never named", async () => {
    const uri = freshUri();
    const first = await ingest(reporterA, json(item(uri, "Harbour closed by gales")));
    const before = await snapshot(first.answer.id);

    const second = await ingest(reporterB, json(item(uri, "Rewritten by somebody else")));
    expect(second.created).toBe(true);
    expect(second.answer.id).not.toBe(first.answer.id);
    expect(JSON.stringify(second)).not.toContain(first.answer.id);
    expect(await snapshot(first.answer.id)).toEqual(before);
    expect(await snapshot(second.answer.id)).toMatchObject({ headline: "Rewritten by somebody else", authorId: reporterB.id, sourceId: uri, sourceScope: reporterB.id, version: 1 });
    // Each still sees only their own.
    expect(await refusal(getArticle(reporterB, first.answer.id))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("a second agency's token sending the same uri gets its own draft; the first agency's is untouched", async () => {
    const ap = await wire("AP");
    const afp = await wire("AFP");
    const uri = freshUri();
    const first = await ingest(ap, json(item(uri, "Storm reaches the coast")));
    const before = await snapshot(first.answer.id);
    const other = await ingest(afp, json(item(uri, "A different story under the same id")));
    expect(other.created).toBe(true);
    expect(JSON.stringify(other)).not.toContain(first.answer.id);
    expect(await snapshot(first.answer.id)).toEqual(before);
    // …and a person importing the agency's file makes theirs too.
    const imported = await ingest(reporterA, json(item(uri, "Imported by hand")));
    expect(imported.created).toBe(true);
    expect(await snapshot(first.answer.id)).toEqual(before);
    expect(await database.db.article.count({ where: { sourceId: uri } })).toBe(3);
  });

  it("a uri whose first draft has gone further (published) is no conflict for anyone else: no 409, no id", async () => {
    const uri = freshUri();
    const first = await ingest(reporterA, json(item(uri, "Bridge reopens after repairs")));
    await transition(editor, { articleId: first.answer.id, action: "submit" });
    await transition(editor, { articleId: first.answer.id, action: "publish", version: first.answer.version });
    const before = await snapshot(first.answer.id);
    const other = await ingest(reporterB, json(item(uri, "Bridge reopens, again")));
    expect(other.created).toBe(true);
    expect(JSON.stringify(other)).not.toContain(first.answer.id);
    expect(await snapshot(first.answer.id)).toEqual(before);
  });
});

describe("a redelivery by the same sender", () => {
  it("updates its own draft while it is still the sender's copy", async () => {
    const uri = freshUri();
    const first = await ingest(reporterA, json(item(uri, "Ferries cancelled")));
    const again = await ingest(reporterA, json(item(uri, "Ferries cancelled until Friday")));
    expect(again).toMatchObject({ created: false, answer: { id: first.answer.id, version: 2 } });
    expect(await snapshot(first.answer.id)).toMatchObject({ headline: "Ferries cancelled until Friday", version: 2, sourceScope: reporterA.id });
  });

  it("does not overwrite a draft someone else has written in since; the sender is told which of their drafts it is", async () => {
    const reuters = await wire("Reuters");
    const uri = freshUri();
    const first = await ingest(reuters, json(item(uri, "Wheat prices climb")));
    // The desk starts on the wire copy (an editor may edit any draft).
    const saved = await saveDraft(editor, { articleId: first.answer.id, version: first.answer.version, headline: "Wheat prices climb for a third week" });
    const before = await snapshot(first.answer.id);
    const refused = await refusal(ingest(reuters, json(item(uri, "Wheat prices climb (corrected)"))));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("edited it since"), details: { id: first.answer.id } });
    expect(await snapshot(first.answer.id)).toEqual({ ...before, version: saved.version });
  });

  it("does not rewrite a draft the desk has moved on (in review), and names it only to its sender", async () => {
    const uri = freshUri();
    const first = await ingest(reporterA, json(item(uri, "Council approves budget")));
    await transition(reporterA, { articleId: first.answer.id, action: "submit" });
    const before = await snapshot(first.answer.id);
    const refused = await refusal(ingest(reporterA, json(item(uri, "Council approves budget, with cuts"))));
    expect(refused).toMatchObject({ code: "CONFLICT", details: { id: first.answer.id, status: "IN_REVIEW" } });
    expect(await snapshot(first.answer.id)).toEqual(before);
  });

  it("two deliveries of a new item at once make one draft, not two and not an error", async () => {
    const dpa = await wire("dpa");
    const uri = freshUri();
    const results = await Promise.all([ingest(dpa, json(item(uri, "Zug entgleist"))), ingest(dpa, json(item(uri, "Zug entgleist bei Köln")))]);
    expect(new Set(results.map((result) => result.answer.id)).size).toBe(1);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(await database.db.article.count({ where: { sourceId: uri } })).toBe(1);
  });

  it("the database holds the rule too: one draft per sender and uri, and no uri without its sender", async () => {
    const uri = freshUri();
    const { answer } = await ingest(reporterA, json(item(uri, "Library extends opening hours")));
    const row = await database.db.article.findUniqueOrThrow({ where: { id: answer.id } });
    const copy = { headline: "Copy", body: row.body as object, authorId: reporterA.id, sourceId: uri };
    await expect(database.db.article.create({ data: { ...copy, slug: `copy-${counter}-a`, sourceScope: reporterA.id } })).rejects.toThrow();
    await expect(database.db.article.create({ data: { ...copy, slug: `copy-${counter}-b`, sourceScope: null } })).rejects.toThrow();
  });
});
