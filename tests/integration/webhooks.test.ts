import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/newsroom/webhooks/route";
import { addCorrection, createDraft, transition } from "@/lib/articles";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createDb, type Db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { StaffViewer } from "@/lib/policy";
import { recordArticleEvent } from "@/lib/publishing/outbound";
import { createWebhook, deleteWebhook, deliverWebhooks, listDeliveries, listWebhooks, pingWebhook, updateWebhook } from "@/lib/webhooks";
import { retryDelay } from "@/lib/webhooks/deliver";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

/*
 * Issue #25, item 3: outbound webhooks. A real HTTP receiver on loopback gets what the deliverer sends; the
 * test recomputes every signature itself. Stories move through the real services (transition, addCorrection),
 * whose transactions record the events and, with them, one delivery row per subscribed endpoint.
 */

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { id: string; type: string; occurredAt: string; article: { id: string; slug: string; version: number; url: string } | null };
}

/** A webhook receiver: answers `status` (after `delayMs`), records what it was sent; can be closed and opened again on its port. */
async function receiver() {
  const state = { status: 204, delayMs: 0, answer: "", headers: {} as Record<string, string>, silent: false };
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({ path: request.url ?? "", headers: request.headers, raw, body: JSON.parse(raw) as Received["body"] });
      if (state.silent) return; // never answers
      setTimeout(() => response.writeHead(state.status, state.headers).end(state.answer), state.delayMs);
    });
  });
  const listen = (port = 0) => new Promise<number>((resolve) => server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  const port = await listen();
  const close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  closers.push(close);
  return { url: `http://127.0.0.1:${port}/hooks/${randomUUID()}`, port, state, received, close, reopen: () => listen(port) };
}
const closers: (() => Promise<void>)[] = [];

let database: TestDatabase;
let reporter: StaffViewer;
let editor: StaffViewer;
let admin: StaffViewer;
const SECRET = "a-test-secret-of-some-length";
const endpoints: string[] = [];

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER"));
  editor = asViewer(await makeUser(database.db, "EDITOR"));
  admin = asViewer(await makeUser(database.db, "ADMIN"));
});
// Each test's endpoints go when it ends, so one test's deliveries never wait in another's run.
afterEach(async () => {
  for (const id of endpoints.splice(0)) await deleteWebhook(admin, id).catch(() => null);
});
afterAll(async () => {
  for (const close of closers) await close().catch(() => null);
});

async function endpoint(url: string, events: string[] = ["published", "changes_published", "corrected", "unpublished", "archived", "embargo_lifted"]) {
  const { webhook } = await createWebhook(admin, { url, secret: SECRET, events });
  endpoints.push(webhook.id);
  return webhook;
}

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
let counter = 0;
async function publishedStory() {
  const draft = await createDraft(reporter, { headline: `Webhook story ${++counter} ${randomUUID().slice(0, 6)}`, standfirst: "A standfirst.", body: paragraph("Text.") });
  return transition(editor, { articleId: draft.id, action: "publish", version: draft.version });
}
const correct = (articleId: string) => addCorrection(editor, { articleId, note: `A correction ${randomUUID().slice(0, 6)}.` });
const unpublish = (articleId: string) => transition(editor, { articleId, action: "unpublish", note: "Taken down." });

/** Checks the signature as a receiver would: HMAC-SHA256 of the raw body with the shared secret. */
function verify(request: Received, secret = SECRET) {
  const expected = `sha256=${createHmac("sha256", secret).update(request.raw).digest("hex")}`;
  expect(request.headers["x-copydesk-signature"]).toBe(expected);
  expect(request.headers["x-copydesk-event-id"]).toBe(request.body.id);
  expect(request.headers["x-copydesk-timestamp"]).toMatch(/^\d{10}$/);
  expect(request.headers["content-type"]).toBe("application/json");
}

const later = (ms: number) => new Date(Date.now() + ms);
const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : String(error)));
/** What a story's events were, in the order they arrived at a receiver. */
const typesFor = (received: Received[], articleId: string) => received.filter((r) => r.body.article?.id === articleId).map((r) => r.body.type);

describe("events from the real services", () => {
  it("publish, correct and unpublish each arrive once, signed, in order per story", async () => {
    const hook = await receiver();
    await endpoint(hook.url, ["PUBLISHED", "Corrected", "unpublished"]); // any letter case
    const first = await publishedStory();
    const second = await publishedStory();
    await correct(first.id);
    await correct(second.id);
    await unpublish(first.id);
    await correct(second.id);

    await deliverWebhooks();
    expect(typesFor(hook.received, first.id)).toEqual(["published", "corrected", "unpublished"]);
    expect(typesFor(hook.received, second.id)).toEqual(["published", "corrected", "corrected"]);
    expect(hook.received).toHaveLength(6);
    for (const request of hook.received) verify(request);
    expect(new Set(hook.received.map((r) => r.body.id)).size).toBe(6);

    const published = hook.received.find((r) => r.body.article?.id === first.id)!.body;
    expect(published).toEqual({ id: expect.any(String), type: "published", occurredAt: expect.any(String), article: { id: first.id, slug: first.slug, version: expect.any(Number), url: `${appUrl()}/articles/${first.slug}` } });
    expect(new Date(published.occurredAt).toISOString()).toBe(published.occurredAt);

    // Delivered means delivered: another run, even far later, sends nothing again.
    expect(await deliverWebhooks({ now: later(86_400_000) })).toEqual({ delivered: 0, failed: 0 });
    expect(hook.received).toHaveLength(6);
  });

  it("an endpoint gets only the events it subscribed to; a paused one's are held, in order, until it is resumed", async () => {
    const onlyPublished = await receiver();
    const paused = await receiver();
    await endpoint(onlyPublished.url, ["published"]);
    const held = await endpoint(paused.url);
    await updateWebhook(admin, held.id, { paused: true });

    const story = await publishedStory();
    await correct(story.id);
    await deliverWebhooks();
    expect(typesFor(onlyPublished.received, story.id)).toEqual(["published"]);
    expect(paused.received).toHaveLength(0);
    const waiting = await listDeliveries(admin, held.id);
    expect(waiting.map((d) => [d.type, d.attempts, d.deliveredAt])).toEqual([["corrected", 0, null], ["published", 0, null]]);
    expect((await listWebhooks(admin)).find((w) => w.id === held.id)).toMatchObject({ paused: true, pending: 2 });

    await updateWebhook(admin, held.id, { paused: false });
    await deliverWebhooks();
    expect(typesFor(paused.received, story.id)).toEqual(["published", "corrected"]);
    for (const request of paused.received) verify(request);
  });

  it("a deleted endpoint gets no new rows and its waiting ones stop", async () => {
    const hook = await receiver();
    const gone = await endpoint(hook.url);
    await updateWebhook(admin, gone.id, { paused: true });
    const story = await publishedStory();
    expect(await database.db.webhookDelivery.count({ where: { endpointId: gone.id } })).toBe(1);

    await deleteWebhook(admin, gone.id);
    await correct(story.id);
    expect(await database.db.webhookDelivery.count({ where: { endpointId: gone.id } })).toBe(0);
    await deliverWebhooks({ now: later(60_000) });
    expect(hook.received).toHaveLength(0);
    expect((await listWebhooks(admin)).map((w) => w.id)).not.toContain(gone.id);
    expect(await codeOf(listDeliveries(admin, gone.id))).toBe("NOT_FOUND");
    expect(await codeOf(updateWebhook(admin, gone.id, { paused: false }))).toBe("NOT_FOUND");
  });

  it("an event and its deliveries exist exactly when the change committed", async () => {
    const hook = await receiver();
    await endpoint(hook.url);
    const story = await publishedStory();
    await deliverWebhooks();
    const before = await database.db.webhookDelivery.count();
    await expect(
      database.db.$transaction(async (tx) => {
        await recordArticleEvent(tx, "corrected", story, new Date());
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await database.db.webhookDelivery.count()).toBe(before);
    // Syndication-only events never reach webhooks.
    await database.db.$transaction((tx) => recordArticleEvent(tx, "embargoed", story, new Date()));
    expect(await database.db.webhookDelivery.count()).toBe(before);
  });
});

describe("a receiver that is down", () => {
  it("gets every event exactly once, in order, after it comes back (503, then a closed port, then up)", async () => {
    const hook = await receiver();
    const registered = await endpoint(hook.url);
    hook.state.status = 503;
    hook.state.answer = "x".repeat(100_000); // a long answer: only a little is read and kept
    const a = await publishedStory();
    const b = await publishedStory();
    await correct(a.id);
    await correct(b.id);

    // Down (503): one try this run; the endpoint's other rows wait rather than each costing a try.
    const start = Date.now();
    expect(await deliverWebhooks({ now: new Date(start) })).toEqual({ delivered: 0, failed: 1 });
    let rows = await listDeliveries(admin, registered.id);
    const tried = rows.find((d) => d.attempts === 1)!;
    expect(tried).toMatchObject({ lastStatus: 503, deliveredAt: null });
    expect(tried.lastError).toMatch(/^HTTP 503: x+/);
    expect(tried.lastError!.length).toBeLessThanOrEqual(500);
    expect(tried.nextAttemptAt!.getTime()).toBe(start + retryDelay(1));

    // Closed: no answer at all.
    await hook.close();
    expect((await deliverWebhooks({ now: new Date(start + 60_000) })).delivered).toBe(0);
    rows = await listDeliveries(admin, registered.id);
    expect(rows.some((d) => d.lastStatus === null && /ECONNREFUSED/.test(d.lastError ?? ""))).toBe(true);
    const attemptsWhileDown = hook.received.length;

    // Back: everything once, each story's events in their order; the backoff skipped with an explicit clock.
    await hook.reopen();
    hook.state.status = 200;
    hook.state.answer = "ok";
    expect(await deliverWebhooks({ now: new Date(start + 2 * 3_600_000) })).toEqual({ delivered: 4, failed: 0 });
    const delivered = hook.received.slice(attemptsWhileDown);
    expect(typesFor(delivered, a.id)).toEqual(["published", "corrected"]);
    expect(typesFor(delivered, b.id)).toEqual(["published", "corrected"]);
    expect(new Set(delivered.map((r) => r.body.id)).size).toBe(4);
    for (const request of delivered) verify(request);
    expect(await deliverWebhooks({ now: new Date(start + 10 * 3_600_000) })).toEqual({ delivered: 0, failed: 0 });
    rows = await listDeliveries(admin, registered.id);
    expect(rows.every((d) => d.deliveredAt !== null && d.lastStatus === 200 && d.lastError === null && d.nextAttemptAt === null)).toBe(true);
  });

  it("a story's later event waits behind its earlier one that is failing", async () => {
    const hook = await receiver();
    await endpoint(hook.url);
    const story = await publishedStory();
    hook.state.status = 500;
    await deliverWebhooks();
    hook.state.status = 204;
    await correct(story.id);
    // The correction is due, the publish is not (its retry is in 10 s): nothing goes.
    expect(await deliverWebhooks()).toEqual({ delivered: 0, failed: 0 });
    expect(await deliverWebhooks({ now: later(retryDelay(1) + 1_000) })).toEqual({ delivered: 2, failed: 0 });
    expect(typesFor(hook.received, story.id)).toEqual(["published", "published", "corrected"]);
  });

  it("a receiver that never answers times out; a redirect is not followed", async () => {
    const silent = await receiver();
    silent.state.silent = true;
    const quiet = await endpoint(silent.url);
    await publishedStory();
    expect(await deliverWebhooks({ timeoutMs: 300 })).toEqual({ delivered: 0, failed: 1 });
    expect((await listDeliveries(admin, quiet.id))[0]).toMatchObject({ attempts: 1, lastStatus: null, lastError: "no answer within 0.3 s" });
    await deleteWebhook(admin, quiet.id);

    const target = await receiver();
    const moved = await receiver();
    moved.state.status = 301;
    moved.state.headers = { location: target.url };
    const redirected = await endpoint(moved.url);
    await publishedStory();
    expect(await deliverWebhooks()).toEqual({ delivered: 0, failed: 1 });
    expect(target.received).toHaveLength(0);
    expect((await listDeliveries(admin, redirected.id))[0]!.lastError).toContain("redirects are not followed");
  });
});

describe("two instances", () => {
  it("two deliverers at once, on separate pools, never deliver one event twice", async () => {
    const hook = await receiver();
    hook.state.delayMs = 100; // each answer takes a while, so the two runs overlap
    await endpoint(hook.url);
    const stories = [];
    for (let i = 0; i < 5; i++) stories.push(await publishedStory());
    for (const story of stories) {
      await correct(story.id);
      await correct(story.id);
    }
    const second: Db = createDb(database.url, 2);
    try {
      const [one, two] = await Promise.all([deliverWebhooks(), deliverWebhooks({ client: second })]);
      expect(one.delivered + two.delivered).toBe(15);
      expect(one.delivered).toBeGreaterThan(0);
      expect(two.delivered).toBeGreaterThan(0);
    } finally {
      await second.$disconnect();
    }
    const ids = hook.received.map((r) => r.body.id);
    expect(ids).toHaveLength(15);
    expect(new Set(ids).size).toBe(15);
    for (const story of stories) expect(typesFor(hook.received, story.id)).toEqual(["published", "corrected", "corrected"]);
  });
});

describe("the test ping", () => {
  it("sends a signed ping at once, even to a paused endpoint, and answers with the receiver's status", async () => {
    const hook = await receiver();
    hook.state.status = 202;
    const registered = await endpoint(hook.url);
    await updateWebhook(admin, registered.id, { paused: true });
    const result = await pingWebhook(admin, registered.id);
    expect(result).toMatchObject({ delivered: true, status: 202, error: null });
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.body).toMatchObject({ id: result.eventId, type: "ping", article: null });
    verify(hook.received[0]!);

    hook.state.status = 418;
    expect(await pingWebhook(admin, registered.id)).toMatchObject({ delivered: false, status: 418 });
    expect(await codeOf(pingWebhook(editor, registered.id))).toBe("FORBIDDEN");
    expect(await database.db.webhookDelivery.count({ where: { endpointId: registered.id } })).toBe(0);
  });
});

describe("WEBHOOK_DENY_PRIVATE", () => {
  it("refuses private, loopback and link-local addresses when saved", async () => {
    const before = await database.db.webhookEndpoint.count();
    for (const url of ["http://127.0.0.1:9/x", "http://localhost/x", "http://app.localhost/x", "http://[::1]/x", "http://10.1.2.3/x", "http://192.168.0.10/x", "http://169.254.169.254/latest", "http://[fe80::1]/x", "http://[::ffff:127.0.0.1]/x", "http://0.0.0.0/x"]) {
      const refused = await createWebhook(admin, { url, events: ["published"] }, { denyPrivate: true }).catch((error: unknown) => error);
      expect(refused, url).toBeInstanceOf(AppError);
      expect((refused as AppError).details?.field, url).toBe("url");
    }
    expect(await database.db.webhookEndpoint.count()).toBe(before);
    // A public address, and a name that does not resolve (yet): accepted; the check at delivery still holds.
    for (const url of ["https://93.184.215.14/hook", "https://partner.example/hook"]) {
      const { webhook } = await createWebhook(admin, { url, events: ["published"] }, { denyPrivate: true });
      endpoints.push(webhook.id);
    }
    // Without the setting, admins are trusted with loopback.
    const { webhook } = await createWebhook(admin, { url: "http://localhost:9/x", events: ["published"] });
    endpoints.push(webhook.id);
  });

  it("checks the address connected to at delivery (a name resolving to loopback is refused) and sends nothing", async () => {
    const hook = await receiver();
    const byName = await endpoint(`http://localhost:${hook.port}/by-name`);
    const byAddress = await endpoint(hook.url);
    await publishedStory();
    expect(await deliverWebhooks({ denyPrivate: true })).toEqual({ delivered: 0, failed: 2 });
    expect(hook.received).toHaveLength(0);
    for (const id of [byName.id, byAddress.id]) expect((await listDeliveries(admin, id))[0]!.lastError).toMatch(/private, loopback or link-local/);
  });
});

describe("bad input changes nothing", () => {
  it("a URL that is not http(s), an unknown or empty event list, a non-admin: 4xx and nothing stored", async () => {
    const before = await database.db.webhookEndpoint.count();
    for (const url of ["ftp://example.com/hook", "javascript:alert(1)", "example.com/hook", "//example.com/hook", "file:///etc/passwd", "http://user:pass@example.com/hook", "http://", "", "mailto:a@example.com"]) {
      expect(await codeOf(createWebhook(admin, { url, secret: SECRET, events: ["published"] })), url).toBe("VALIDATION");
    }
    const unknown = await createWebhook(admin, { url: "https://example.com/hook", events: ["published", "deleted", "Exploded"] }).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(AppError);
    expect((unknown as AppError).status).toBe(400);
    expect((unknown as AppError).message).toContain('"deleted", "Exploded"');
    expect((unknown as AppError).details).toMatchObject({ field: "events", unknown: ["deleted", "Exploded"] });
    // Syndication-only events are not webhook events.
    expect(await codeOf(createWebhook(admin, { url: "https://example.com/hook", events: ["embargoed"] }))).toBe("VALIDATION");
    expect(await codeOf(createWebhook(admin, { url: "https://example.com/hook", events: [] }))).toBe("VALIDATION");
    expect(await codeOf(createWebhook(admin, { url: "https://example.com/hook", events: "published" }))).toBe("VALIDATION");
    expect(await codeOf(createWebhook(admin, { url: "https://example.com/hook", secret: "short", events: ["published"] }))).toBe("VALIDATION");
    expect(await codeOf(createWebhook(admin, { url: "https://example.com/hook", events: ["published"], paused: "yes" }))).toBe("VALIDATION");
    for (const viewer of [editor, reporter]) {
      expect(await codeOf(createWebhook(viewer, { url: "https://example.com/hook", secret: SECRET, events: ["published"] }))).toBe("FORBIDDEN");
      expect(await codeOf(listWebhooks(viewer))).toBe("FORBIDDEN");
    }
    expect(await database.db.webhookEndpoint.count()).toBe(before);

    // A bad change to an existing endpoint leaves it as it was.
    const kept = await endpoint("https://example.com/kept", ["published"]);
    for (const change of [{ url: "ftp://example.com/x" }, { events: ["nope"] }, { events: [] }, {}, { paused: 1 }, { secret: "short" }, { createdById: editor.id }]) {
      expect(await codeOf(updateWebhook(admin, kept.id, change)), JSON.stringify(change)).toBe("VALIDATION");
    }
    expect(await codeOf(updateWebhook(editor, kept.id, { paused: true }))).toBe("FORBIDDEN");
    expect(await codeOf(deleteWebhook(editor, kept.id))).toBe("FORBIDDEN");
    const row = await database.db.webhookEndpoint.findUniqueOrThrow({ where: { id: kept.id } });
    expect(row).toMatchObject({ url: "https://example.com/kept", events: ["published"], paused: false, secret: SECRET, deletedAt: null });
  });

  it("through the API: a token (never an admin) is refused, and the secret is never read back", async () => {
    const { token } = await createApiToken(admin, { name: `Reader ${randomUUID().slice(0, 6)}`, scope: "READ" });
    const bearer = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const base = "http://localhost/api/v1/newsroom/webhooks";
    const params = { params: Promise.resolve({}) };
    expect((await listRoute(new Request(base, { headers: bearer }), params)).status).toBe(403);
    const post = await createRoute(new Request(base, { method: "POST", headers: bearer, body: JSON.stringify({ url: "https://example.com/x", events: ["published"] }) }), params);
    expect(post.status).toBe(403);
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe("forbidden");

    // Created without a secret: one is made and shown once; the list says only that one is set.
    const created = await createWebhook(admin, { url: "https://example.com/made", events: ["archived"] });
    endpoints.push(created.webhook.id);
    expect(created.secret).toMatch(/^whsec_[\w-]{40,}$/);
    const listed = await listWebhooks(admin);
    expect(listed.find((w) => w.id === created.webhook.id)).toMatchObject({ url: "https://example.com/made", events: ["archived"], secretSet: true, paused: false });
    expect(JSON.stringify(listed)).not.toContain(created.secret!);
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    expect(JSON.stringify(await updateWebhook(admin, created.webhook.id, { secret: "a-new-secret-0123456789" }))).not.toContain("a-new-secret");
  });
});
