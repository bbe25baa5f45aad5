import { beforeAll, describe, expect, it } from "vitest";
import { addCorrection, createDraft, heartbeat, leave, transition } from "@/lib/articles";
import { PRESENCE_TTL_MS } from "@/lib/articles/presence";
import { listNotifications, markStoryRead, unreadCount } from "@/lib/notifications";
import type { StaffViewer } from "@/lib/policy";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

// Issue #23, point 4: the services behind the words the desk sees — who was told of a move or a
// correction, notices read when their story is opened, and presence that goes when a person leaves.

let database: TestDatabase;
let reporter: StaffViewer;
let assignee: StaffViewer;
let deskEditor: StaffViewer;
let otherEditor: StaffViewer;
let admin: StaffViewer;

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
let counter = 0;
const headline = (label: string) => `${label} ${++counter}`;
const noticesAbout = async (viewer: StaffViewer, articleId: string) => (await listNotifications(viewer)).notifications.filter((item) => item.articleId === articleId);

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER", { name: "Rita Reporter" }));
  assignee = asViewer(await makeUser(database.db, "REPORTER", { name: "Sam Stringer" }));
  deskEditor = asViewer(await makeUser(database.db, "EDITOR", { name: "Dana Desk" }));
  otherEditor = asViewer(await makeUser(database.db, "EDITOR", { name: "Omar Other" }));
  admin = asViewer(await makeUser(database.db, "ADMIN", { name: "Ada Admin" }));
  await makeUser(database.db, "EDITOR", { name: "Gone Editor", disabled: true });
});

describe("a move says who was told", () => {
  it("names every editor told of a submit when the story has no desk editor, and only the desk editor when it has one", async () => {
    const open = await createDraft(reporter, { headline: headline("Ferry timetable"), body: paragraph("Words.") });
    const submitted = await transition(reporter, { articleId: open.id, action: "submit" });
    expect(submitted).toMatchObject({ status: "IN_REVIEW", told: ["Ada Admin", "Dana Desk", "Omar Other"] });

    const planned = await createDraft(deskEditor, { slugLine: `harbour-${++counter}`, assigneeId: reporter.id, editorId: deskEditor.id });
    await database.db.article.update({ where: { id: planned.id }, data: { headline: "Harbour works" } });
    expect(await transition(reporter, { articleId: planned.id, action: "submit" })).toMatchObject({ told: ["Dana Desk"] });
    // The told list is the inbox: the same people got a notice.
    expect((await noticesAbout(deskEditor, planned.id)).map((item) => item.kind)).toEqual(["SUBMITTED"]);
    expect(await noticesAbout(otherEditor, planned.id)).toEqual([]);
  });

  it("names nobody for a move that tells nobody, and never the person who moved", async () => {
    const story = await createDraft(deskEditor, { headline: headline("Editor's own"), body: paragraph("Words.") });
    expect(await transition(deskEditor, { articleId: story.id, action: "archive" })).toMatchObject({ status: "ARCHIVED", told: [] });
    const mine = await createDraft(deskEditor, { headline: headline("Editor submits"), body: paragraph("Words.") });
    expect((await transition(deskEditor, { articleId: mine.id, action: "submit" })).told).toEqual(["Ada Admin", "Omar Other"]);
  });
});

describe("a correction tells the story's writers", () => {
  it("notifies the author and the assignee in the same change, with the kind and the note, and says who was told", async () => {
    const slugLine = `budget-${++counter}`;
    const planned = await createDraft(deskEditor, { slugLine, assigneeId: reporter.id });
    await database.db.article.update({ where: { id: planned.id }, data: { headline: headline("Council budget"), assigneeId: assignee.id } });
    const published = await transition(deskEditor, { articleId: planned.id, action: "publish", version: planned.version });
    expect(published.status).toBe("PUBLISHED");

    const added = await addCorrection(deskEditor, { articleId: planned.id, kind: "CLARIFICATION", note: "The vote was on Monday evening, not Monday morning." });
    expect(added).toMatchObject({ kind: "CLARIFICATION", told: ["Rita Reporter", "Sam Stringer"] });
    for (const writer of [reporter, assignee]) {
      const [notice] = (await noticesAbout(writer, planned.id)).filter((item) => item.kind === "CORRECTED");
      expect(notice!.message).toBe(`Dana Desk added a clarification to “${slugLine}”: The vote was on Monday evening, not Monday morning.`);
      expect(notice!.readAt).toBeNull();
    }
    expect((await noticesAbout(deskEditor, planned.id)).filter((item) => item.kind === "CORRECTED"), "not told of their own correction").toEqual([]);
    expect((await noticesAbout(otherEditor, planned.id)).filter((item) => item.kind === "CORRECTED")).toEqual([]);
  });

  it("a refused correction tells nobody", async () => {
    const draft = await createDraft(reporter, { headline: headline("Not live"), body: paragraph("Words.") });
    const before = await database.db.notification.count();
    await expect(addCorrection(deskEditor, { articleId: draft.id, kind: "UPDATE", note: "Too early." })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(addCorrection(reporter, { articleId: draft.id, kind: "UPDATE", note: "Not mine to add." })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await database.db.notification.count()).toBe(before);
  });
});

describe("opening a story reads its notices", () => {
  it("marks the viewer's unread notices about that story read, and nobody else's, nor other stories'", async () => {
    const first = await createDraft(reporter, { headline: headline("First"), body: paragraph("Words.") });
    const second = await createDraft(reporter, { headline: headline("Second"), body: paragraph("Words.") });
    await transition(reporter, { articleId: first.id, action: "submit" });
    await transition(reporter, { articleId: second.id, action: "submit" });
    const unreadBefore = await unreadCount(deskEditor);
    const otherBefore = await unreadCount(otherEditor);

    expect(await markStoryRead(deskEditor, first.id)).toBe(1);
    expect(await unreadCount(deskEditor)).toBe(unreadBefore - 1);
    expect((await noticesAbout(deskEditor, first.id))[0]!.readAt).not.toBeNull();
    expect((await noticesAbout(deskEditor, second.id))[0]!.readAt).toBeNull();
    expect(await unreadCount(otherEditor), "another editor's notice about the same story stays unread").toBe(otherBefore);
    expect(await markStoryRead(deskEditor, first.id), "opening it again changes nothing").toBe(0);
  });
});

describe("presence", () => {
  it("drops a person at once when they leave, and after the expiry when they just stop beating", async () => {
    const story = await createDraft(reporter, { headline: headline("Shared"), body: paragraph("Words.") });
    const t0 = new Date();
    await heartbeat(deskEditor, story.id, t0);
    expect(await heartbeat(otherEditor, story.id, t0)).toEqual([{ id: deskEditor.id, name: "Dana Desk" }]);

    await leave(deskEditor, story.id);
    expect(await heartbeat(otherEditor, story.id, new Date(t0.getTime() + 1_000)), "gone at the next beat").toEqual([]);

    // Someone whose tab could not say goodbye is gone after the expiry, which is seconds, not most of a minute.
    expect(PRESENCE_TTL_MS).toBeLessThanOrEqual(20_000);
    await heartbeat(admin, story.id, t0);
    expect(await heartbeat(otherEditor, story.id, new Date(t0.getTime() + PRESENCE_TTL_MS - 1_000))).toEqual([{ id: admin.id, name: "Ada Admin" }]);
    expect(await heartbeat(otherEditor, story.id, new Date(t0.getTime() + PRESENCE_TTL_MS + 1))).toEqual([]);
  });

  it("a leave removes only the viewer's own presence, and says nothing about a story they may not see", async () => {
    const story = await createDraft(reporter, { headline: headline("Reporter's draft"), body: paragraph("Words.") });
    const now = new Date();
    await heartbeat(reporter, story.id, now);
    await heartbeat(deskEditor, story.id, now);
    await expect(leave(assignee, story.id)).resolves.toBeUndefined(); // another reporter's draft: not visible, and no error that says so
    await leave(deskEditor, story.id);
    expect(await database.db.articlePresence.findMany({ where: { articleId: story.id }, select: { userId: true } })).toEqual([{ userId: reporter.id }]);
  });
});
