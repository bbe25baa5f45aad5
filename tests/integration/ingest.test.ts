import { beforeAll, describe, expect, it } from "vitest";
import { getArticle, listRevisions, planningPeople, saveDraft, transition } from "@/lib/articles";
import { createApiToken, listApiTokens, revokeApiToken, tokenViewer } from "@/lib/auth/api-tokens";
import type { SignedInViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { ingest, MAX_INGEST_BYTES } from "@/lib/ingest/ingest";
import type { StaffViewer } from "@/lib/policy";
import { listUsers } from "@/lib/users";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

let database: TestDatabase;
let admin: StaffViewer;
let editor: StaffViewer;
let person: SignedInViewer;

const code = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`));
const text = (body: string) => ({ contentType: "text/plain; charset=utf-8", body: new TextEncoder().encode(body) });
const json = (value: unknown) => ({ contentType: "application/json", body: new TextEncoder().encode(JSON.stringify(value)) });
let counter = 0;
const ninjs = (overrides: Record<string, unknown> = {}) => ({
  uri: `urn:wire:test:${++counter}`,
  type: "text",
  headlines: [{ role: "main", value: `Gales close the ports ${counter}` }],
  descriptions: [{ role: "summary", value: "Ferries stay in harbour." }],
  by: "Jo Lindqvist",
  bodies: [{ role: "main", contenttype: "text/html", value: "<p>Three ports closed.</p><p>Ferries stayed in harbour.</p>" }],
  subjects: [{ name: "Weather" }],
  associations: [{ name: "main", type: "picture", descriptions: [{ role: "caption", value: "Waves over the harbour wall." }], by: "AP Photo" }],
  ...overrides,
});

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  admin = asViewer(await makeUser(database.db, "ADMIN"));
  editor = asViewer(await makeUser(database.db, "EDITOR"));
  const reporter = await makeUser(database.db, "REPORTER", { name: "Rita Reporter" });
  person = { ...asViewer(reporter), name: reporter.name, email: reporter.email, machine: false };
});

async function wire(name: string, scope: "INGEST" | "READ" = "INGEST") {
  const { token } = await createApiToken(admin, { name, scope });
  return { token, ...(await tokenViewer(token)) };
}

describe("ingesting plain text", () => {
  it("makes a draft whose body holds every paragraph in order, captions as photo slots with credits, boilerplate gone", async () => {
    const { created, answer } = await ingest(person, text("Harbour crane toppled by storm\n\nThe crane fell on Sunday night.\n\nA view of the quay (Photo: AP)\n\n“It went over like a matchstick,” said an operator.\n\nFor more stories like this, check out our news page."));
    expect(created).toBe(true);
    expect(answer).toMatchObject({ status: "DRAFT", version: 1, headlineFrom: "candidate-line", dropped: ["For more stories like this, check out our news page."] });
    const article = await getArticle(editor, answer.id);
    expect(article.headline).toBe("Harbour crane toppled by storm");
    expect((article.body as { content: { type: string; attrs?: Record<string, string> }[] }).content.map((node) => node.type)).toEqual(["paragraph", "figure", "paragraph"]);
    expect(article.source).toMatchObject({ agency: "Imported by Rita Reporter", id: null });
    expect(article.author.id).toBe(person.id);
  });

  it("refuses bad input with the right 4xx and creates nothing", async () => {
    const before = await database.db.article.count();
    const cases: [{ contentType: string | null; body: Uint8Array }, string][] = [
      [text(""), "VALIDATION"],
      [text("x".repeat(MAX_INGEST_BYTES + 1)), "TOO_LARGE"],
      [{ contentType: "text/html", body: new TextEncoder().encode("<p>Hi</p>") }, "UNSUPPORTED"],
      [{ contentType: null, body: new TextEncoder().encode("Some text here.") }, "UNSUPPORTED"],
      [{ contentType: "text/plain; charset=iso-8859-1", body: new TextEncoder().encode("Caf\u00e9 owner wins award. The prize is large.") }, "UNSUPPORTED"],
      [{ contentType: "text/plain", body: Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x2e]) }, "UNSUPPORTED"],
      [text("Share this article\n\nAdvertisement"), "VALIDATION"],
      [{ contentType: "application/json", body: new TextEncoder().encode("{not json") }, "VALIDATION"],
      [json({ headline: "No uri" }), "VALIDATION"],
      [json([1, 2]), "VALIDATION"],
    ];
    for (const [delivery, expected] of cases) expect(await code(ingest(person, delivery)), `${delivery.contentType} ${delivery.body.byteLength} bytes`).toBe(expected);
    expect(await database.db.article.count()).toBe(before);
  });
});

describe("ingesting a wire through a token", () => {
  it("makes a ninjs item a draft with the picture's caption and credit, as the token's own user, with the source kept", async () => {
    const ap = await wire("AP");
    expect(ap.viewer).toMatchObject({ name: "Wire: AP", machine: true, role: "REPORTER" });
    const item = ninjs();
    const { answer } = await ingest(ap.viewer, json(item));
    const article = await getArticle(editor, answer.id);
    expect(article).toMatchObject({ headline: item.headlines[0]!.value, standfirst: "Ferries stay in harbour.", tags: ["Weather"] });
    expect((article.body as { content: { type: string; attrs?: Record<string, string> }[] }).content[0]).toEqual({ type: "figure", attrs: { src: "", alt: "", caption: "Waves over the harbour wall.", credit: "AP Photo", decorative: false } });
    expect(article.source).toMatchObject({ agency: "AP", id: item.uri, byline: "Jo Lindqvist" });
    const { revisions } = await listRevisions(editor, { articleId: answer.id });
    expect(revisions[0]!.author.name).toBe("Wire: AP");
  });

  it("updates the same draft when the agency sends the item again, and refuses with the id once the desk has moved it on", async () => {
    const reuters = await wire("Reuters");
    const item = ninjs();
    const first = await ingest(reuters.viewer, json(item));
    const again = await ingest(reuters.viewer, json({ ...item, headlines: [{ role: "main", value: "Gales close four ports" }] }));
    expect(again.created).toBe(false);
    expect(again.answer).toMatchObject({ id: first.answer.id, version: 2 });
    expect((await getArticle(editor, first.answer.id)).headline).toBe("Gales close four ports");

    await transition(editor, { articleId: first.answer.id, action: "submit" });
    const refused = await ingest(reuters.viewer, json({ ...item, headlines: [{ role: "main", value: "Gales close five ports" }] })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "CONFLICT", details: { id: first.answer.id, status: "IN_REVIEW" } });
    expect((await getArticle(editor, first.answer.id)).headline).toBe("Gales close four ports");
  });

  it("holds publishing until every photo slot has an image or is removed", async () => {
    const afp = await wire("AFP");
    const { answer } = await ingest(afp.viewer, json(ninjs()));
    await transition(editor, { articleId: answer.id, action: "submit" });
    const refused = await transition(editor, { articleId: answer.id, action: "publish", version: answer.version }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("photo slot") });
    expect(await code(transition(editor, { articleId: answer.id, action: "schedule", version: answer.version, publishAt: new Date(Date.now() + 86_400_000).toISOString() }))).toBe("VALIDATION");
    const article = await getArticle(editor, answer.id);
    const body = article.body as { type: string; content: { type: string }[] };
    const saved = await saveDraft(editor, { articleId: answer.id, version: article.version, body: { ...body, content: body.content.filter((node) => node.type !== "figure") } });
    expect((await transition(editor, { articleId: answer.id, action: "publish", version: saved.version })).status).toBe("PUBLISHED");

    // Taken down again it is a draft, but one readers have had: a redelivery does not rewrite it.
    await transition(editor, { articleId: answer.id, action: "unpublish", note: "Legal hold." });
    const item = await database.db.article.findUniqueOrThrow({ where: { id: answer.id }, select: { sourceId: true } });
    expect(await code(ingest(afp.viewer, json(ninjs({ uri: item.sourceId }))))).toBe("CONFLICT");
  });
});

describe("API tokens", () => {
  it("are made and revoked by admins only, shown once and stored hashed; a revoked token is refused at once", async () => {
    expect(await code(createApiToken(editor, { name: "Sneaky", scope: "READ" }))).toBe("FORBIDDEN");
    expect(await code(createApiToken(admin, { name: "", scope: "INGEST" }))).toBe("VALIDATION");
    expect(await code(createApiToken(admin, { name: "X", scope: "ADMIN" }))).toBe("VALIDATION");
    const { token, apiToken } = await createApiToken(admin, { name: "Stringer desk", scope: "INGEST" });
    expect(token).toMatch(/^cdk_[\w-]{43}$/);
    const row = await database.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).not.toContain(token.slice(4));
    expect(JSON.stringify(await listApiTokens(admin))).not.toContain(token);

    const before = new Date();
    await tokenViewer(token);
    expect((await database.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(await code(revokeApiToken(editor, apiToken.id))).toBe("FORBIDDEN");
    expect(await revokeApiToken(admin, apiToken.id)).toEqual({ revoked: true });
    expect(await code(tokenViewer(token))).toBe("UNAUTHENTICATED");
    expect(await code(tokenViewer("cdk_made-up"))).toBe("UNAUTHENTICATED");
    expect(await code(revokeApiToken(admin, "no-such-token"))).toBe("NOT_FOUND");
  });

  it("act as users who are on no staff list and cannot be assigned", async () => {
    const machine = await wire("Staff list check");
    expect((await listUsers(admin)).map((user) => user.id)).not.toContain(machine.viewer.id);
    const people = await planningPeople();
    expect(people.staff.map((p) => p.id)).not.toContain(machine.viewer.id);
    expect(await code(saveDraft(editor, { articleId: (await ingest(person, text("Headline: A story\n\nSome text here."))).answer.id, assigneeId: machine.viewer.id }))).toBe("VALIDATION");
  });
});

describe("hostile deliveries", () => {
  const refusal = (promise: Promise<unknown>) =>
    promise.then(() => "accepted", (error: unknown) => (error instanceof AppError ? `${error.code} ${error.status}: ${error.message}` : `unexpected: ${String(error)}`));
  const html = (value: string) => [{ role: "main", contenttype: "text/html", value }];

  it.each([
    ["a 32 KB headline of unclosed <b>x (it took an instance's heap)", () => ninjs({ headlines: [{ role: "main", value: "<b>x".repeat(8 * 1024) }] }), /^VALIDATION 400: \w+: the HTML nests elements more than 512 deep/],
    ["a body of 10,000 quotes inside each other", () => ninjs({ bodies: html("<blockquote>".repeat(10_000) + "x") }), /^VALIDATION 400: body: the HTML nests quotes and lists inside each other deeper than the 64 levels/],
    ["a body with a NUL", () => ninjs({ bodies: html("<p>Three\u0000 ports closed.</p>") }), /^VALIDATION 400: body: the HTML holds the control character U\+0000/],
    ["a body with 40,000 line breaks", () => ninjs({ bodies: html(`<p>${"x<br>".repeat(40_000)}</p>`) }), /^VALIDATION 400: body: the HTML makes more than 20,000/],
  ])("refuses %s as a 400 within a second, and stores nothing", async (_name, item, expected) => {
    const ap = await wire(`Hostile ${++counter}`);
    const stored = await database.db.article.count();
    const started = performance.now();
    expect(await refusal(ingest(ap.viewer, json(item())))).toMatch(expected);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await database.db.article.count()).toBe(stored);
  });

  it("refuses a NUL in plain-text copy's body as a 400", async () => {
    const stored = await database.db.article.count();
    expect(await refusal(ingest(person, text("Headline: Gales close the ports\n\nThree ports\u0000 closed.")))).toMatch(/^VALIDATION 400: body: the text "Three ports\\u0000 closed\." holds the control character U\+0000/);
    expect(await database.db.article.count()).toBe(stored);
  });
});
