import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { GET as mediaRoute, PATCH as patchMediaRoute } from "@/app/api/v1/newsroom/media/[id]/route";
import { GET as lookupRoute } from "@/app/api/v1/newsroom/media/lookup/route";
import { createDraft, publishDueArticles, saveDraft, transition, uploadImage } from "@/lib/articles";
import { createApiToken } from "@/lib/auth/api-tokens";
import { AppError } from "@/lib/errors";
import { postEntry } from "@/lib/live";
import { mediaItem } from "@/lib/media/media-item";
import { lapseOf } from "@/lib/media/rights";
import { warnOfPhotoRights } from "@/lib/media/rights-warnings";
import { setPhotoRights } from "@/lib/media/set-rights";
import type { StaffViewer } from "@/lib/policy";
import { lastLookChecks } from "@/lib/publishing/candidate";
import { getSettings } from "@/lib/settings";
import { addDays, dayOf } from "@/lib/time-zone";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

let database: TestDatabase;
let reporter: StaffViewer;
let editor: StaffViewer;
let otherEditor: StaffViewer;
let admin: StaffViewer;

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER"));
  editor = asViewer(await makeUser(database.db, "EDITOR"));
  otherEditor = asViewer(await makeUser(database.db, "EDITOR"));
  admin = asViewer(await makeUser(database.db, "ADMIN"));
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
/** A photo of its own: the same bytes would be the same stored image. */
const photo = async () => {
  const colour = () => Math.floor(Math.random() * 256);
  return uploadImage(reporter, await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: colour(), g: colour(), b: colour() } } }).jpeg().toBuffer());
};
const today = () => dayOf(new Date(), "UTC");
const rightsRow = (id: string) => database.db.media.findUniqueOrThrow({ where: { id }, select: { rightsExpireOn: true, usageNote: true, rightsWarnedFor: true, rightsLapseToldFor: true } });
const figure = (src: string, caption: string) => ({ type: "figure", attrs: { src, alt: "A photo", caption, credit: "" } });

/** A published story showing the photo as its hero. */
async function liveStoryWith(mediaId: string, caption = "Crowds at the harbour") {
  const story = await createDraft(reporter, { headline: `Rights story ${randomUUID().slice(0, 6)}`, body: doc(paragraph("Words.")), hero: { mediaId, alt: "The harbour", caption, credit: "" } });
  await transition(editor, { articleId: story.id, action: "publish", version: story.version });
  return story;
}

describe("a photo's rights through the API", () => {
  it("are set, read back and cleared by anyone who may upload, lenient in form", async () => {
    const image = await photo();
    expect(await setPhotoRights(reporter, image.id, { rightsExpireOn: "2027-01-31", usageNote: "  Agency: one use only.  " })).toMatchObject({ id: image.id, rightsExpireOn: "2027-01-31", usageNote: "Agency: one use only.", rightsLapsed: false });
    expect(await rightsRow(image.id)).toMatchObject({ rightsExpireOn: new Date("2027-01-31T00:00:00.000Z"), usageNote: "Agency: one use only." });
    // A date-time is its own calendar day; the desk's way of writing a day is read too.
    expect((await setPhotoRights(editor, image.id, { rightsExpireOn: "2027-03-01T00:00:00.000Z" })).rightsExpireOn).toBe("2027-03-01");
    expect((await setPhotoRights(editor, image.id, { rightsExpireOn: "2027-03-02T23:30:00-05:00" })).rightsExpireOn).toBe("2027-03-02");
    expect((await setPhotoRights(editor, image.id, { rightsExpireOn: "5 Apr 2027" })).rightsExpireOn).toBe("2027-04-05");
    // Only the field sent changes.
    expect(await mediaItem(editor, { id: image.id })).toMatchObject({ rightsExpireOn: "2027-04-05", usageNote: "Agency: one use only." });
    expect(await setPhotoRights(reporter, image.id, { rightsExpireOn: null })).toMatchObject({ rightsExpireOn: null, rightsLapseAt: null, rightsLapsed: false, usageNote: "Agency: one use only." });
    expect((await rightsRow(image.id)).rightsExpireOn).toBeNull();
    // A body photo's address finds the same photo.
    expect((await mediaItem(editor, { query: { src: image.url } })).id).toBe(image.id);
  });

  it("refuse a day that is not a day, an unknown field or another photo's id, and change nothing", async () => {
    const image = await photo();
    await setPhotoRights(reporter, image.id, { rightsExpireOn: "2027-01-31", usageNote: "Kept." });
    for (const bad of [{ rightsExpireOn: "2027-02-30" }, { rightsExpireOn: "tomorrow" }, { rightsExpireOn: 12 }, { rightsExpireOn: "" }, { rightsExpireOn: "2027-13-01T10:00:00Z" }, { rightsExpireOn: "2027-02-01", usageNote: 5 }, { usageNote: "x".repeat(501) }, { rightsExpireOn: "2027-02-01", width: 1 }, {}]) {
      const refused = await failure(setPhotoRights(editor, image.id, bad));
      expect(refused, JSON.stringify(bad)).toMatchObject({ code: "VALIDATION" });
      if ("rightsExpireOn" in bad && !("usageNote" in bad) && !("width" in bad)) expect(refused!.message, JSON.stringify(bad)).toMatch(/^rightsExpireOn: /);
    }
    expect(await rightsRow(image.id)).toMatchObject({ rightsExpireOn: new Date("2027-01-31T00:00:00.000Z"), usageNote: "Kept." });
    expect(await failure(setPhotoRights(editor, "no-such-photo", { usageNote: "x" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(mediaItem(editor, { query: { src: "/media/elsewhere.png" } }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("over HTTP: GET shows the rights to a READ token, PATCH from a token is refused and changes nothing", async () => {
    const image = await photo();
    await setPhotoRights(editor, image.id, { rightsExpireOn: "2027-06-30", usageNote: "Web only." });
    const { token } = await createApiToken(admin, { name: `Rights ${randomUUID().slice(0, 6)}`, scope: "READ" });
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const base = `http://localhost/api/v1/newsroom/media/${image.id}`;
    const params = { params: Promise.resolve({ id: image.id }) };
    const got = await mediaRoute(new Request(base, { headers }), params);
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ id: image.id, rightsExpireOn: "2027-06-30", usageNote: "Web only.", rightsLapsed: false });
    const looked = await lookupRoute(new Request(`http://localhost/api/v1/newsroom/media/lookup?src=${encodeURIComponent(image.url)}`, { headers }), { params: Promise.resolve({}) });
    expect(((await looked.json()) as { id: string }).id).toBe(image.id);
    const patched = await patchMediaRoute(new Request(base, { method: "PATCH", headers, body: JSON.stringify({ rightsExpireOn: null }) }), params);
    expect(patched.status).toBe(403);
    expect((await rightsRow(image.id)).rightsExpireOn).toEqual(new Date("2027-06-30T00:00:00.000Z"));
    const missing = await mediaRoute(new Request(`http://localhost/api/v1/newsroom/media/nope`, { headers }), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
  });
});

describe("the photo rights check", () => {
  it("is a rule of the newsroom's settings, blocking until an admin says otherwise", async () => {
    expect((await getSettings(editor)).checks.photoRights).toBe("block");
  });

  it("blocks publishing changes while a photo the version shows has lapsed rights, naming it, until renewed", async () => {
    const image = await photo();
    const story = await liveStoryWith(image.id);
    const changed = await saveDraft(reporter, { articleId: story.id, version: story.version, standfirst: "A later line." });
    await setPhotoRights(editor, image.id, { rightsExpireOn: today() });
    const look = await lastLookChecks(editor, story.id);
    expect(look.checks.find((check) => check.rule === "photoRights")).toMatchObject({ outcome: "block", label: "Photo rights" });
    const refused = await failure(transition(editor, { articleId: story.id, action: "publish_changes", version: changed.version }));
    expect(refused).toMatchObject({ code: "VALIDATION", details: { checks: [{ rule: "photoRights" }] } });
    expect(refused!.message).toContain("the hero photo (“Crowds at the harbour”)");
    expect(refused!.message).toContain("replace it or renew its rights");
    const row = await database.db.article.findUniqueOrThrow({ where: { id: story.id }, select: { liveRevision: { select: { version: true } } } });
    expect(row.liveRevision!.version, "readers still get the version before").toBe(story.version);

    await setPhotoRights(editor, image.id, { rightsExpireOn: addDays(today(), 30) });
    expect((await transition(editor, { articleId: story.id, action: "publish_changes", version: changed.version })).liveRevisionId).not.toBeNull();
  });

  it("lets the story go once the photo is replaced; a lapsed body photo blocks a first publish", async () => {
    const lapsed = await photo();
    const fresh = await photo();
    await setPhotoRights(editor, lapsed.id, { rightsExpireOn: addDays(today(), -3) });
    const story = await createDraft(reporter, { headline: `Body photo ${randomUUID().slice(0, 6)}`, body: doc(paragraph("Words."), figure(lapsed.url, "Ships at dawn")) });
    const refused = await failure(transition(editor, { articleId: story.id, action: "publish", version: story.version }));
    expect(refused).toMatchObject({ details: { checks: [{ rule: "photoRights", message: expect.stringContaining("the photo in the body (“Ships at dawn”)") }] } });
    const replaced = await saveDraft(reporter, { articleId: story.id, version: story.version, body: doc(paragraph("Words."), figure(fresh.url, "Ships at dawn")) });
    expect((await transition(editor, { articleId: story.id, action: "publish", version: replaced.version })).status).toBe("PUBLISHED");
  });

  it("holds the scheduler's publish of a scheduled version showing a lapsed photo, and every editor hears why", async () => {
    const image = await photo();
    const story = await createDraft(reporter, { headline: `Scheduled ${randomUUID().slice(0, 6)}`, body: doc(paragraph("Words.")), hero: { mediaId: image.id, alt: "A view", caption: "The quay", credit: "" } });
    await transition(reporter, { articleId: story.id, action: "submit" });
    await transition(editor, { articleId: story.id, action: "schedule", version: story.version, publishAt: new Date(Date.now() + 60_000).toISOString() });
    await setPhotoRights(editor, image.id, { rightsExpireOn: today() });
    expect(await publishDueArticles(new Date(Date.now() + 120_000))).not.toContain(story.id);
    const row = await database.db.article.findUniqueOrThrow({ where: { id: story.id } });
    expect(row.status).toBe("SCHEDULED");
    expect(row.scheduleProblem).toContain("replace it or renew its rights");
    for (const person of [editor, otherEditor, admin]) expect(await database.db.notification.count({ where: { articleId: story.id, userId: person.id, kind: "SCHEDULE_MISSED" } })).toBe(1);
  });

  it("holds a live entry showing a lapsed photo", async () => {
    const image = await photo();
    await setPhotoRights(editor, image.id, { rightsExpireOn: addDays(today(), -1) });
    const live = await createDraft(reporter, { kind: "live", headline: `Live rights ${randomUUID().slice(0, 6)}`, body: doc(paragraph("Opening.")) });
    await transition(editor, { articleId: live.id, action: "publish", version: live.version });
    const refused = await failure(postEntry(editor, { articleId: live.id, body: doc(figure(image.url, "Rally")) }));
    expect(refused).toMatchObject({ code: "VALIDATION", details: { checks: [{ rule: "photoRights" }] } });
    expect(await database.db.liveEntry.count({ where: { articleId: live.id } })).toBe(0);
  });
});

describe("the week-before warning", () => {
  const toldOf = (articleId: string, userId: string) => database.db.notification.findMany({ where: { articleId, userId, kind: "PHOTO_RIGHTS" }, orderBy: { createdAt: "asc" }, select: { message: true } });

  it("tells every editor once, not twice from two instances, again after a renewal, and when the rights lapse", async () => {
    const image = await photo();
    const story = await liveStoryWith(image.id, "Fishing boats");
    const now = new Date();
    const expiry = addDays(dayOf(now, "UTC"), 10);
    await setPhotoRights(editor, image.id, { rightsExpireOn: expiry });
    const lapse = lapseOf(expiry);

    // More than a week out: nobody is told.
    await warnOfPhotoRights(new Date(lapse.getTime() - 8 * 86_400_000));
    expect(await toldOf(story.id, editor.id)).toEqual([]);

    // Six days out, two instances at once: each editor once, reporters never.
    const sixDaysOut = new Date(lapse.getTime() - 6 * 86_400_000);
    const counts = await Promise.all([warnOfPhotoRights(sixDaysOut), warnOfPhotoRights(sixDaysOut)]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(1);
    for (const person of [editor, otherEditor, admin]) {
      const told = await toldOf(story.id, person.id);
      expect(told).toHaveLength(1);
      expect(told[0]!.message).toContain("the hero photo (“Fishing boats”)");
      expect(told[0]!.message).toContain("in 6 days");
    }
    expect(await toldOf(story.id, reporter.id)).toEqual([]);
    await warnOfPhotoRights(new Date(sixDaysOut.getTime() + 3_600_000));
    expect(await toldOf(story.id, editor.id)).toHaveLength(1);

    // Renewed to another day: the warning is armed again for that day.
    const renewed = addDays(expiry, 5);
    await setPhotoRights(reporter, image.id, { rightsExpireOn: renewed });
    await warnOfPhotoRights(sixDaysOut);
    expect(await toldOf(story.id, editor.id), "the new day is more than a week away").toHaveLength(1);
    await warnOfPhotoRights(new Date(lapseOf(renewed).getTime() - 2 * 86_400_000));
    expect(await toldOf(story.id, otherEditor.id)).toHaveLength(2);

    // Lapsed: told once more, and never again for that day.
    await warnOfPhotoRights(new Date(lapseOf(renewed).getTime() + 60_000));
    await warnOfPhotoRights(new Date(lapseOf(renewed).getTime() + 120_000));
    const told = await toldOf(story.id, editor.id);
    expect(told).toHaveLength(3);
    expect(told[2]!.message).toContain("expired on");
    expect(await rightsRow(image.id)).toMatchObject({ rightsWarnedFor: new Date(`${renewed}T00:00:00.000Z`), rightsLapseToldFor: new Date(`${renewed}T00:00:00.000Z`) });
  });

  it("says nothing of a photo no live story shows", async () => {
    const image = await photo();
    const story = await createDraft(reporter, { headline: `Draft only ${randomUUID().slice(0, 6)}`, body: doc(paragraph("Words.")), hero: { mediaId: image.id, alt: "x", caption: "", credit: "" } });
    await setPhotoRights(editor, image.id, { rightsExpireOn: addDays(today(), 2) });
    await warnOfPhotoRights(new Date());
    expect(await toldOf(story.id, editor.id)).toEqual([]);
    expect((await rightsRow(image.id)).rightsWarnedFor).toBeNull();
  });
});
