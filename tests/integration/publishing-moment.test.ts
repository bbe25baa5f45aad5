import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import sharp from "sharp";
import { createDraft, createPreviewLink, publishDueArticles, saveDraft, transition, uploadImage } from "@/lib/articles";
import { previewedArticleId } from "@/lib/articles/previews";
import { AppError } from "@/lib/errors";
import type { StaffViewer } from "@/lib/policy";
import { postEntry } from "@/lib/live";
import { lastLookChecks } from "@/lib/publishing/candidate";
import { DEFAULT_CHECK_LEVELS, runChecks } from "@/lib/publishing/checks";
import { createWebhook, deleteWebhook } from "@/lib/webhooks";
import { clearLegalReview } from "@/lib/publishing/clear-legal-review";
import { liftEmbargo } from "@/lib/publishing/lift-embargo";
import { articleBySlug } from "@/lib/reader/article";
import { searchArticles } from "@/lib/reader/search";
import { getSettings, updateSettings } from "@/lib/settings";
import { updateUser } from "@/lib/users";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

let database: TestDatabase;
let reporter: StaffViewer;
let editor: StaffViewer;
let admin: StaffViewer;
let lawyer: StaffViewer;

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER"));
  editor = asViewer(await makeUser(database.db, "EDITOR"));
  admin = asViewer(await makeUser(database.db, "ADMIN"));
  lawyer = asViewer(await makeUser(database.db, "EDITOR"));
  await updateUser(admin, lawyer.id, { legalReviewer: true });
});

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...content: unknown[]) => ({ type: "doc", content });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => {
      if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details };
      throw error;
    },
  );
let counter = 0;
const draft = (fields: Record<string, unknown> = {}) => createDraft(reporter, { headline: `Moment story ${++counter} ${Date.now()}`, body: doc(paragraph("Words.")), ...fields });
const events = (articleId: string) => database.db.outboundEvent.findMany({ where: { articleId }, orderBy: { seq: "asc" }, select: { type: true, version: true } });

describe("publishing checks", () => {
  it("are every rule with its level, set by admins only, refusing an unknown rule or level and changing nothing", async () => {
    const before = await getSettings(editor);
    expect(Object.keys(before.checks).sort()).toEqual(["altText", "description", "headingOrder", "headlineLength", "legalReview", "linkText", "photoRights", "section"]);
    expect(await failure(updateSettings(editor, { checks: { description: "block" } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(updateSettings(admin, { checks: { descriptoin: "block" } }))).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("descriptoin") });
    expect(await failure(updateSettings(admin, { checks: { description: "sometimes" } }))).toMatchObject({ code: "VALIDATION" });
    expect(await failure(updateSettings(admin, { headlineMax: 5 }))).toMatchObject({ code: "VALIDATION" });
    expect(await getSettings(editor)).toEqual(before);
    // Lenient in case; a rule not named keeps its level.
    const after = await updateSettings(admin, { checks: { headingOrder: "WARN" } });
    expect(after.checks).toEqual({ ...before.checks, headingOrder: "warn" });
  });

  it("block a publish naming each failed rule, let warnings through, and read the version that goes out", async () => {
    await updateSettings(admin, { checks: { description: "block", headingOrder: "warn", linkText: "block" }, headlineMax: 100 });
    onTestFinished(() => updateSettings(admin, { checks: { description: "off", headingOrder: "off", linkText: "off" } }).then(() => undefined));
    const story = await draft({ body: doc({ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Deep" }] }, { type: "paragraph", content: [{ type: "text", text: "click here", marks: [{ type: "link", attrs: { href: "https://example.org/a" } }] }] }) });
    const look = await lastLookChecks(editor, story.id);
    const outcome = Object.fromEntries(look.checks.map((check) => [check.rule, check.outcome]));
    expect(outcome).toMatchObject({ description: "block", headingOrder: "warn", linkText: "block", altText: "pass", section: "off" });

    const refused = await failure(transition(editor, { articleId: story.id, action: "publish", version: story.version }));
    expect(refused).toMatchObject({ code: "VALIDATION" });
    expect((refused!.details!.checks as { rule: string }[]).map((check) => check.rule).sort()).toEqual(["description", "linkText"]);
    expect((await database.db.article.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("DRAFT");

    const fixed = await saveDraft(reporter, { articleId: story.id, version: story.version, description: "What happened at the harbour.", body: doc({ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Deep" }] }, paragraph("Plain.")) });
    const published = await transition(editor, { articleId: story.id, action: "publish", version: fixed.version });
    expect(published.status).toBe("PUBLISHED");
  });

  it("hold a scheduled publish the checks would block, and every editor hears why", async () => {
    const story = await draft();
    await transition(reporter, { articleId: story.id, action: "submit" });
    await transition(editor, { articleId: story.id, action: "schedule", version: story.version, publishAt: new Date(Date.now() + 60_000).toISOString() });
    await updateSettings(admin, { checks: { section: "block" } });
    try {
      expect(await publishDueArticles(new Date(Date.now() + 120_000))).not.toContain(story.id);
      const row = await database.db.article.findUniqueOrThrow({ where: { id: story.id } });
      expect(row.status).toBe("SCHEDULED");
      expect(row.scheduleProblem).toContain("No section is chosen");
      expect(await database.db.notification.count({ where: { articleId: story.id, userId: editor.id, kind: "SCHEDULE_MISSED" } })).toBe(1);
    } finally {
      await updateSettings(admin, { checks: { section: "off" } });
    }
  });

  it("legal review: cleared by someone with the right, for the version they read", async () => {
    const story = await draft();
    await saveDraft(reporter, { articleId: story.id, needsLegalReview: true });
    expect(await failure(saveDraft(reporter, { articleId: story.id, needsLegalReview: false }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(transition(editor, { articleId: story.id, action: "publish", version: story.version }))).toMatchObject({ details: { checks: [{ rule: "legalReview" }] } });
    expect(await failure(clearLegalReview(editor, { articleId: story.id, version: story.version }))).toMatchObject({ code: "FORBIDDEN" });
    await clearLegalReview(lawyer, { articleId: story.id, version: story.version });
    const changed = await saveDraft(reporter, { articleId: story.id, version: story.version, standfirst: "A new claim." });
    expect(await failure(transition(editor, { articleId: story.id, action: "publish", version: changed.version }))).toMatchObject({ details: { checks: [{ rule: "legalReview", message: expect.stringContaining("changed since") }] } });
    expect(await failure(clearLegalReview(lawyer, { articleId: story.id, version: story.version }))).toMatchObject({ code: "CONFLICT" });
    await clearLegalReview(lawyer, { articleId: story.id, version: changed.version });
    expect((await transition(editor, { articleId: story.id, action: "publish", version: changed.version })).status).toBe("PUBLISHED");
    const history = await database.db.workflowEvent.findMany({ where: { articleId: story.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(history.map((event) => event.action)).toEqual(["mark_legal_review", "clear_legal_review", "clear_legal_review", "publish"]);
  });
});

describe("an embargo", () => {
  it("turns Publish into a schedule for its end, and nothing public shows the story before then", async () => {
    const until = new Date(Date.now() + 60 * 60_000);
    const story = await draft({ headline: `Embargoed harbour report ${Date.now()}` });
    await saveDraft(reporter, { articleId: story.id, embargoUntil: until.toISOString() });
    const link = await failure(createPreviewLink(reporter, { articleId: story.id }));
    expect(link).toMatchObject({ code: "INVALID_TRANSITION", message: expect.stringContaining("embargoed until") });

    const moved = await transition(editor, { articleId: story.id, action: "publish", version: story.version });
    expect(moved).toMatchObject({ status: "SCHEDULED", heldByEmbargo: true, liveRevisionId: null });
    expect(moved.scheduledFor?.getTime()).toBe(until.getTime());
    expect((await articleBySlug(story.slug)).kind).not.toBe("article");
    expect((await searchArticles("Embargoed harbour", 1)).hits.map((hit) => hit.id)).not.toContain(story.id);
    expect(await events(story.id)).toEqual([{ type: "embargoed", version: story.version }]);

    // The scheduler's sweep before the end publishes nothing; at the end it does.
    expect(await publishDueArticles(new Date(until.getTime() - 1_000))).not.toContain(story.id);
    expect(await publishDueArticles(new Date(until.getTime() + 1_000))).toContain(story.id);
    expect((await articleBySlug(story.slug)).kind).toBe("article");
    expect((await events(story.id)).map((event) => event.type)).toEqual(["embargoed", "published"]);
  });

  it("keeps a schedule from going out before its end, and a share link made before it stops working", async () => {
    const story = await draft();
    const { url } = await createPreviewLink(reporter, { articleId: story.id });
    const token = url.split("/").at(-1)!;
    expect(await previewedArticleId(token)).toBe(story.id);
    const until = new Date(Date.now() + 30 * 60_000);
    await saveDraft(reporter, { articleId: story.id, embargoUntil: until.toISOString() });
    expect(await previewedArticleId(token)).toBeNull();
    await transition(reporter, { articleId: story.id, action: "submit" });
    const scheduled = await transition(editor, { articleId: story.id, action: "schedule", version: story.version, publishAt: new Date(Date.now() + 60_000).toISOString() });
    expect(scheduled.scheduledFor?.getTime()).toBe(until.getTime());
  });

  it("refuses bad embargoes and changes nothing: in the past, on a live story, cleared or brought forward without a lift", async () => {
    const story = await draft();
    expect(await failure(saveDraft(reporter, { articleId: story.id, embargoUntil: new Date(Date.now() - 60_000).toISOString() }))).toMatchObject({ code: "VALIDATION", details: { field: "embargoUntil" } });
    expect(await failure(saveDraft(reporter, { articleId: story.id, embargoUntil: "not a time" }))).toMatchObject({ code: "VALIDATION" });
    const until = new Date(Date.now() + 3 * 60 * 60_000);
    await saveDraft(reporter, { articleId: story.id, embargoUntil: until.toISOString() });
    expect(await failure(saveDraft(reporter, { articleId: story.id, embargoUntil: null }))).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("lift") });
    expect(await failure(saveDraft(editor, { articleId: story.id, embargoUntil: new Date(until.getTime() - 60_000).toISOString() }))).toMatchObject({ code: "VALIDATION" });
    expect((await database.db.article.findUniqueOrThrow({ where: { id: story.id } })).embargoUntil?.getTime()).toBe(until.getTime());

    const live = await draft();
    await transition(editor, { articleId: live.id, action: "publish", version: live.version });
    expect(await failure(saveDraft(editor, { articleId: live.id, embargoUntil: until.toISOString() }))).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("already") });
  });

  it("is lifted early only by an editor with a reason, leaving history and telling partners who had it", async () => {
    const story = await draft();
    const until = new Date(Date.now() + 60 * 60_000);
    await saveDraft(reporter, { articleId: story.id, embargoUntil: until.toISOString() });
    await transition(editor, { articleId: story.id, action: "publish", version: story.version });
    expect(await failure(liftEmbargo(reporter, { articleId: story.id, reason: "Source broke it." }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(liftEmbargo(editor, { articleId: story.id }))).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("reason") });
    expect(await failure(liftEmbargo(editor, { articleId: story.id, reason: "   " }))).toMatchObject({ code: "VALIDATION" });
    expect((await database.db.article.findUniqueOrThrow({ where: { id: story.id } })).embargoUntil).not.toBeNull();

    const lifted = await liftEmbargo(editor, { articleId: story.id, reason: "The agency lifted it at 14:02." });
    expect(lifted).toMatchObject({ embargoUntil: null, status: "SCHEDULED" });
    const event = await database.db.workflowEvent.findFirstOrThrow({ where: { articleId: story.id, action: "lift_embargo" } });
    expect(event).toMatchObject({ actorId: editor.id, note: expect.stringContaining("The agency lifted it at 14:02.") });
    expect((await events(story.id)).map((row) => row.type)).toEqual(["embargoed", "embargo_lifted"]);
    expect(await failure(liftEmbargo(editor, { articleId: story.id, reason: "Again." }))).toMatchObject({ code: "INVALID_TRANSITION" });

    // Withdrawn before it went out: partners who had it hear it is withheld.
    await transition(editor, { articleId: story.id, action: "unschedule" });
    expect((await events(story.id)).map((row) => row.type)).toEqual(["embargoed", "embargo_lifted", "withheld"]);
  });
});

describe("held under attack", () => {
  it("a publish racing an embargo: one of the two loses, and readers never get a story under embargo", async () => {
    for (let round = 0; round < 6; round++) {
      const story = await draft();
      const until = new Date(Date.now() + 3 * 24 * 60 * 60_000).toISOString();
      await Promise.allSettled([
        transition(editor, { articleId: story.id, action: "publish", version: story.version }),
        saveDraft(reporter, { articleId: story.id, embargoUntil: until }),
      ]);
      const row = await database.db.article.findUniqueOrThrow({ where: { id: story.id } });
      expect(row.liveRevisionId !== null && row.embargoUntil !== null && row.embargoUntil > new Date(), `round ${round}`).toBe(false);
    }
  });

  it("two admins setting different checks at once keep both", async () => {
    await Promise.all([updateSettings(admin, { checks: { section: "warn" } }), updateSettings(admin, { checks: { headlineLength: "warn" } })]);
    expect((await getSettings(admin)).checks).toMatchObject({ section: "warn", headlineLength: "warn" });
    await updateSettings(admin, { checks: { section: "off", headlineLength: "off" } });
  });

  it("a version past the database's integers is a 400, and invisible alt text is no alt text", async () => {
    const story = await draft();
    expect(await failure(clearLegalReview(lawyer, { articleId: story.id, version: 2 ** 31 }))).toMatchObject({ code: "VALIDATION" });
    expect(await failure(transition(editor, { articleId: story.id, action: "publish", version: 2 ** 31 }))).toMatchObject({ code: "VALIDATION" });
    const figure = { type: "figure", attrs: { src: "/media/x/960.webp", alt: "\u200b", caption: "", credit: "" } };
    expect(runChecks({ version: 1, headline: "H", body: doc(figure) as never, sectionId: null, heroImageId: null, heroAlt: "", description: "", needsLegalReview: false, legalClearedVersion: null }, { levels: DEFAULT_CHECK_LEVELS, headlineMax: 100 }).find((check) => check.rule === "altText")).toMatchObject({ outcome: "block" });
  });

  it("a takedown of a story only syndication partners had (embargoed, never live) reaches no webhook", async () => {
    const hook = await createWebhook(admin, { url: "http://127.0.0.1:9/hook", secret: "a-secret-long-enough", events: ["archived", "unpublished"] });
    const story = await draft();
    await saveDraft(reporter, { articleId: story.id, embargoUntil: new Date(Date.now() + 60 * 60_000).toISOString() });
    await transition(editor, { articleId: story.id, action: "publish", version: story.version });
    await transition(editor, { articleId: story.id, action: "archive" });
    expect((await events(story.id)).map((event) => event.type)).toEqual(["embargoed", "archived"]);
    expect(await database.db.webhookDelivery.count({ where: { endpointId: hook.webhook.id } })).toBe(0);
    await deleteWebhook(admin, hook.webhook.id);
  });

  it("a live entry goes out only if the checks on a body pass", async () => {
    const live = await createDraft(reporter, { kind: "live", headline: `Live checks ${Date.now()}`, body: doc(paragraph("Opening.")) });
    await transition(editor, { articleId: live.id, action: "publish", version: live.version });
    const image = await uploadImage(editor, await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 20, g: 90, b: 140 } } }).jpeg().toBuffer());
    const figure = { type: "figure", attrs: { src: image.url, alt: "", caption: "", credit: "" } };
    expect(await failure(postEntry(editor, { articleId: live.id, body: doc(figure) }))).toMatchObject({ code: "VALIDATION", details: { checks: [{ rule: "altText" }] } });
    expect(await database.db.liveEntry.count({ where: { articleId: live.id } })).toBe(0);
    expect(await postEntry(editor, { articleId: live.id, body: doc({ ...figure, attrs: { ...figure.attrs, decorative: true } }) })).toMatchObject({ status: "POSTED" });
  });
});

describe("what partners are told", () => {
  it("one event per change, in the change's transaction and in order; nothing of a story they never had", async () => {
    const story = await draft();
    await transition(editor, { articleId: story.id, action: "archive" });
    expect(await events(story.id)).toEqual([]);

    const other = await draft();
    const published = await transition(editor, { articleId: other.id, action: "publish", version: other.version });
    const saved = await saveDraft(editor, { articleId: other.id, version: published.version, standfirst: "More." });
    await transition(editor, { articleId: other.id, action: "publish_changes", version: saved.version });
    await transition(editor, { articleId: other.id, action: "unpublish", note: "Legal asked." });
    expect(await events(other.id)).toEqual([
      { type: "published", version: other.version },
      { type: "changes_published", version: saved.version },
      { type: "unpublished", version: saved.version },
    ]);
  });
});
