import { beforeAll, describe, expect, it } from "vitest";
import { addComment, createDraft, transition } from "@/lib/articles";
import { deliverOutbox } from "@/lib/notifications";
import type { StaffViewer } from "@/lib/policy";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";
import { mailServer, type ReceivedMail } from "../support/smtp";

/**
 * Issue #22, item 7: a mention tells (and mails an excerpt to) only people
 * who may see the story — the same policy as every read, asked for the
 * person mentioned, not for the one mentioning.
 */
let received: ReceivedMail[];
let database: TestDatabase;
let writer: StaffViewer;
let otherReporter: StaffViewer;
let assignedReporter: StaffViewer;
let editor: StaffViewer;
const emails = new Map<string, string>();

beforeAll(async () => {
  ({ received } = await mailServer());
  database = await freshDatabase({ asAppDatabase: true });
  const make = async (role: "REPORTER" | "EDITOR", name: string) => {
    const user = await makeUser(database.db, role, { name });
    emails.set(user.id, user.email);
    return asViewer(user);
  };
  writer = await make("REPORTER", "Wendy Writer");
  otherReporter = await make("REPORTER", "Oscar Outside");
  assignedReporter = await make("REPORTER", "Asha Assigned");
  editor = await make("EDITOR", "Eddie Editor");
});

let counter = 0;
const headline = (label: string) => `${label} ${++counter} ${Date.now()}`;
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** The inbox rows the database holds for this person about this story, read again each time. */
const toldAbout = async (viewer: StaffViewer, articleId: string) => ({
  notifications: await database.db.notification.findMany({ where: { userId: viewer.id, articleId }, select: { kind: true, message: true } }),
});

describe("@mentions", () => {
  it("tell and mail nobody who may not see the story: a reporter named on another reporter's draft learns nothing", async () => {
    const draft = await createDraft(writer, { headline: headline("Secret source"), body: paragraph("The source is the harbourmaster.") });
    await addComment(writer, { articleId: draft.id, body: "@Oscar Outside do you know the harbourmaster? @Eddie Editor please read the second paragraph" });

    // The comment itself is kept; the hidden reporter has no inbox line and no mail row, the editor has both.
    expect(await database.db.comment.count({ where: { articleId: draft.id } })).toBe(1);
    const outsider = await toldAbout(otherReporter, draft.id);
    expect(outsider.notifications).toEqual([]);
    expect(await database.db.outboxMail.count({ where: { to: emails.get(otherReporter.id)! } })).toBe(0);
    const desk = await toldAbout(editor, draft.id);
    expect(desk.notifications.map((row) => row.kind)).toEqual(["MENTIONED"]);
    expect(desk.notifications[0]!.message).toContain("second paragraph");
    const deskMail = await database.db.outboxMail.findMany({ where: { to: emails.get(editor.id)!, notification: { articleId: draft.id } }, select: { text: true } });
    expect(deskMail.map((row) => row.text.includes("please read the second paragraph"))).toEqual([true]);

    // And nothing leaves for the outsider when the outbox is delivered.
    await deliverOutbox();
    expect(received.filter((mail) => mail.to.includes(emails.get(otherReporter.id)!))).toEqual([]);
    expect(received.filter((mail) => mail.to.includes(emails.get(editor.id)!)).length).toBeGreaterThan(0);
  });

  it("still reach a reporter who may see the story: one it is assigned to, or anyone once it is live", async () => {
    const assigned = await createDraft(editor, { headline: headline("Assigned piece"), assigneeId: assignedReporter.id });
    await addComment(editor, { articleId: assigned.id, body: "@Asha Assigned the council called back" });
    expect((await toldAbout(assignedReporter, assigned.id)).notifications.map((row) => row.kind).sort()).toEqual(["ASSIGNED", "MENTIONED"]);

    const story = await createDraft(writer, { headline: headline("Live piece"), body: paragraph("Published text.") });
    await addComment(writer, { articleId: story.id, body: "@Oscar Outside not yet" });
    expect((await toldAbout(otherReporter, story.id)).notifications).toEqual([]);
    await transition(editor, { articleId: story.id, action: "publish", version: story.version });
    await addComment(writer, { articleId: story.id, body: "@Oscar Outside it is out now, have a look" });
    const told = await toldAbout(otherReporter, story.id);
    expect(told.notifications.map((row) => row.kind)).toEqual(["MENTIONED"]);
    expect(told.notifications[0]!.message).toContain("it is out now");
    expect(await database.db.outboxMail.count({ where: { to: emails.get(otherReporter.id)!, notification: { articleId: story.id } } })).toBe(1);
  });
});
