import { beforeAll, describe, expect, it } from "vitest";
import { addComment, createDraft, missedSchedules, publishDueArticles, saveDraft, storyBudget, storyCalendar, transition } from "@/lib/articles";
import { AppError } from "@/lib/errors";
import { deliverOutbox, failingMail, listNotifications, markRead } from "@/lib/notifications";
import type { StaffViewer } from "@/lib/policy";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";
import { mailServer, type ReceivedMail } from "../support/smtp";

// Before anything reads the configuration: a newsroom in Berlin, with mail.
process.env.NEWSROOM_TIME_ZONE = "Europe/Berlin";

let received: ReceivedMail[];
let refusals: Map<string, number>;
let database: TestDatabase;
let reporter: StaffViewer;
let reporterTwo: StaffViewer;
let deskEditor: StaffViewer;
let otherEditor: StaffViewer;
let admin: StaffViewer;

const code = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`));
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const inbox = async (viewer: StaffViewer) => (await listNotifications(viewer)).notifications;
const kinds = async (viewer: StaffViewer, articleId: string) => (await inbox(viewer)).filter((item) => item.articleId === articleId).map((item) => item.kind);
let counter = 0;
const unique = (label: string) => `${label} ${++counter}`;

beforeAll(async () => {
  ({ received, refusals } = await mailServer());
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER", { name: "Rita Reporter" }));
  reporterTwo = asViewer(await makeUser(database.db, "REPORTER", { name: "Ravi Reporter" }));
  deskEditor = asViewer(await makeUser(database.db, "EDITOR", { name: "Dana Desk" }));
  otherEditor = asViewer(await makeUser(database.db, "EDITOR", { name: "Omar Other" }));
  admin = asViewer(await makeUser(database.db, "ADMIN", { name: "Ada Admin" }));
});

describe("assignment and deadlines", () => {
  it("lets an editor plan a story for a reporter before a word is written: the reporter owns it, hears of it, and sees it overdue on the day's budget", async () => {
    const deadline = "2026-12-04T18:00"; // Berlin time, already past
    const planned = await createDraft(deskEditor, { slugLine: unique("council-budget"), assigneeId: reporter.id, editorId: deskEditor.id, deadline, plannedFor: "2026-12-05T07:00" });
    expect(planned.warnings).toEqual(["deadline: the deadline has already passed."]);
    const row = await database.db.article.findUniqueOrThrow({ where: { id: planned.id } });
    expect(row).toMatchObject({ authorId: reporter.id, assigneeId: reporter.id, editorId: deskEditor.id, deadline: new Date("2026-12-04T17:00:00Z"), plannedFor: new Date("2026-12-05T06:00:00Z") });

    const [notice] = (await inbox(reporter)).filter((item) => item.articleId === planned.id);
    expect(notice).toMatchObject({ kind: "ASSIGNED", readAt: null });
    expect(notice!.message).toContain("Dana Desk assigned");
    expect(notice!.message).toContain("4 Dec 2026, 18:00 CET");
    expect(await kinds(deskEditor, planned.id)).toEqual([]);

    const budget = await storyBudget(reporter, { date: "2026-12-04" }, new Date("2026-12-05T09:00:00Z"));
    const story = budget.sections.flatMap((section) => section.stories).find((item) => item.id === planned.id);
    expect(story).toMatchObject({ overdue: true, wordCount: 0, assignee: { name: "Rita Reporter" }, editor: { name: "Dana Desk" } });
    // The day is Berlin's: 00:30 on the 5th in Berlin is the 4th in UTC, and is on the 5th's budget.
    const slotDay = await storyBudget(deskEditor, { date: "2026-12-05" }, new Date("2026-12-05T09:00:00Z"));
    expect(slotDay.sections.flatMap((section) => section.stories).map((item) => item.id)).toContain(planned.id);

    // The reporter writes it; once filed it is no longer overdue, and the budget counts its words.
    const saved = await saveDraft(reporter, { articleId: planned.id, version: planned.version, headline: "Council passes its budget", body: paragraph("The council passed its budget on Monday by seven votes to two.") });
    await transition(reporter, { articleId: planned.id, action: "submit" });
    const filed = (await storyBudget(deskEditor, { date: "2026-12-04" }, new Date("2026-12-05T09:00:00Z"))).sections.flatMap((section) => section.stories).find((item) => item.id === planned.id);
    expect(filed).toMatchObject({ overdue: false, wordCount: 12, status: "IN_REVIEW" });
    expect(saved.version).toBe(planned.version + 1);
  });

  it("checks every plan, from editors only; a refused plan creates and changes nothing", async () => {
    const gone = asViewer(await makeUser(database.db, "REPORTER", { disabled: true }));
    const before = await database.db.article.count();
    expect(await code(createDraft(reporter, { slugLine: "mine", assigneeId: reporter.id }))).toBe("FORBIDDEN");
    expect(await code(createDraft(deskEditor, { slugLine: "x", assigneeId: gone.id }))).toBe("VALIDATION");
    expect(await code(createDraft(deskEditor, { slugLine: "x", editorId: reporter.id }))).toBe("VALIDATION");
    expect(await code(createDraft(deskEditor, { slugLine: "x", deadline: "tomorrow at noon" }))).toBe("VALIDATION");
    // "2026-12-05 14:00" is read now, as people type it (lib/written-time.ts); a day not in the calendar is not.
    expect(await code(createDraft(deskEditor, { slugLine: "x", deadline: "2026-02-31 14:00" }))).toBe("VALIDATION");
    expect(await database.db.article.count()).toBe(before);

    const story = await createDraft(reporter, { headline: unique("Reporter's own") });
    expect(await code(saveDraft(reporter, { articleId: story.id, deadline: "2026-12-06T12:00" }))).toBe("FORBIDDEN");
    expect(await code(saveDraft(deskEditor, { articleId: story.id, headline: "No version" }))).toBe("VALIDATION");
    expect(await code(saveDraft(deskEditor, { articleId: story.id }))).toBe("VALIDATION");
  });

  it("reassigns without touching the text: no new version, the reporter's next save still lands, and only the new assignee hears of it", async () => {
    const story = await createDraft(deskEditor, { slugLine: unique("fire"), assigneeId: reporter.id });
    const reassigned = await saveDraft(deskEditor, { articleId: story.id, assigneeId: reporterTwo.id, deadline: "2026-12-31T12:00:00Z" });
    expect(reassigned.version).toBe(story.version);
    expect(await database.db.revision.count({ where: { articleId: story.id } })).toBe(1);
    expect(await kinds(reporterTwo, story.id)).toEqual(["ASSIGNED"]);
    expect(await kinds(reporter, story.id)).toEqual(["ASSIGNED"]);
    // The first reporter still wrote it (author), so their save from the version they had still goes through.
    expect((await saveDraft(reporter, { articleId: story.id, version: story.version, body: paragraph("Still mine.") })).version).toBe(story.version + 1);
    // The same assignee again is no news.
    await saveDraft(deskEditor, { articleId: story.id, assigneeId: reporterTwo.id });
    expect(await kinds(reporterTwo, story.id)).toEqual(["ASSIGNED"]);
  });

  it("reads the budget's and the calendar's days strictly", async () => {
    expect(await code(storyBudget(deskEditor, { date: "2026-02-31" }))).toBe("VALIDATION");
    expect(await code(storyBudget(deskEditor, { date: "yesterday" }))).toBe("VALIDATION");
    expect(await code(storyCalendar(deskEditor, { week: "2026-13-01" }))).toBe("VALIDATION");
    expect(await code(storyBudget(deskEditor, { date: "2026-02-28", person: "x", colour: "red" }))).toBe("VALIDATION");
  });
});

describe("who hears of a move", () => {
  it("submit → the story's editor only; request changes → author and assignee with the note; nobody hears of their own action", async () => {
    const story = await createDraft(deskEditor, { slugLine: unique("ferry"), assigneeId: reporter.id, editorId: deskEditor.id });
    await saveDraft(reporter, { articleId: story.id, version: story.version, headline: unique("Ferry strike") });
    await transition(reporter, { articleId: story.id, action: "submit" });
    expect(await kinds(deskEditor, story.id)).toEqual(["SUBMITTED"]);
    expect(await kinds(otherEditor, story.id)).toEqual([]);
    expect(await kinds(admin, story.id)).toEqual([]);
    expect((await kinds(reporter, story.id)).filter((kind) => kind === "SUBMITTED")).toEqual([]);

    await transition(deskEditor, { articleId: story.id, action: "request_changes", note: "Get a second source on the strike date." });
    const [changes] = (await inbox(reporter)).filter((item) => item.articleId === story.id && item.kind === "CHANGES_REQUESTED");
    expect(changes!.message).toContain("Get a second source on the strike date.");
    expect((await kinds(deskEditor, story.id)).filter((kind) => kind === "CHANGES_REQUESTED")).toEqual([]);
  });

  it("submit with no editor assigned → every editor but the one who acted; publish and unpublish → the writers", async () => {
    const story = await createDraft(otherEditor, { headline: unique("Editor's own piece") });
    await transition(otherEditor, { articleId: story.id, action: "submit" });
    expect(await kinds(deskEditor, story.id)).toEqual(["SUBMITTED"]);
    expect(await kinds(admin, story.id)).toEqual(["SUBMITTED"]);
    expect(await kinds(otherEditor, story.id)).toEqual([]);

    const own = await createDraft(reporter, { headline: unique("Reporter's scoop") });
    await transition(reporter, { articleId: own.id, action: "submit" });
    const published = await transition(deskEditor, { articleId: own.id, action: "publish", version: own.version });
    await transition(deskEditor, { articleId: own.id, action: "unpublish", note: "Legal asked us to hold it." });
    expect(await kinds(reporter, own.id)).toEqual(["UNPUBLISHED", "PUBLISHED"]);
    expect(published.status).toBe("PUBLISHED");
  });

  it("a comment's @mention reaches that person, not the writer mentioning themselves", async () => {
    const story = await createDraft(reporter, { headline: unique("Mentions") });
    await addComment(reporter, { articleId: story.id, body: "@Dana Desk can you look at the third paragraph? cc @Rita Reporter" });
    expect(await kinds(deskEditor, story.id)).toEqual(["MENTIONED"]);
    expect(await kinds(reporter, story.id)).toEqual([]);
    expect((await inbox(deskEditor))[0]!.message).toContain("third paragraph");
  });

  it("counts unread and marks one, someone else's (nothing), or all read", async () => {
    const viewer = asViewer(await makeUser(database.db, "EDITOR"));
    for (let index = 0; index < 3; index++) {
      const story = await createDraft(reporter, { headline: unique("Queue") });
      await transition(reporter, { articleId: story.id, action: "submit" });
    }
    const first = await listNotifications(viewer);
    expect(first.unread).toBe(3);
    expect(await markRead(viewer, { ids: [first.notifications[0]!.id] })).toEqual({ marked: 1, unread: 2 });
    const someoneElses = (await inbox(deskEditor))[0]!.id;
    expect(await markRead(viewer, { ids: [someoneElses] })).toEqual({ marked: 0, unread: 2 });
    expect((await inbox(deskEditor)).find((item) => item.id === someoneElses)!.readAt).toBeNull();
    expect(await code(markRead(viewer, { ids: [] }))).toBe("VALIDATION");
    expect(await code(markRead(viewer, { all: false }))).toBe("VALIDATION");
    expect(await markRead(viewer, { all: true })).toEqual({ marked: 2, unread: 0 });
  });
});

describe("scheduling", () => {
  async function scheduled(publishAt: string) {
    const story = await createDraft(reporter, { headline: unique("Scheduled"), body: paragraph("Embargoed text.") });
    await transition(reporter, { articleId: story.id, action: "submit" });
    const moved = await transition(deskEditor, { articleId: story.id, action: "schedule", version: story.version, publishAt });
    return { ...story, scheduledFor: moved.scheduledFor! };
  }

  it("reads a typed time in the newsroom's zone, and reschedules the version that was scheduled, exactly once", async () => {
    const story = await scheduled("2027-01-10T08:30");
    expect(story.scheduledFor.toISOString()).toBe("2027-01-10T07:30:00.000Z");
    // An editor changes the working copy; the scheduled version stays what goes out.
    await saveDraft(deskEditor, { articleId: story.id, version: story.version, body: paragraph("A later, unreviewed edit.") });
    await transition(deskEditor, { articleId: story.id, action: "reschedule", publishAt: "2027-01-12T06:00" });
    const row = await database.db.article.findUniqueOrThrow({ where: { id: story.id }, include: { scheduledRevision: true } });
    expect(row.scheduledFor!.toISOString()).toBe("2027-01-12T05:00:00.000Z");
    expect(row.scheduledRevision!.version).toBe(story.version);
    expect(await kinds(reporter, story.id)).toEqual(["SCHEDULED", "SCHEDULED"]);

    const week = await storyCalendar(deskEditor, { week: "2027-01-12" });
    expect(week.weekOf).toBe("2027-01-11");
    expect(week.days[1]!.stories.map((entry) => entry.id)).toContain(story.id);
    expect(await code(transition(deskEditor, { articleId: story.id, action: "reschedule", publishAt: "2020-01-01T10:00" }))).toBe("VALIDATION");
    expect(await code(transition(reporter, { articleId: story.id, action: "reschedule", publishAt: "2027-02-01T10:00" }))).not.toBe("ok");

    const results = await Promise.all([publishDueArticles(new Date("2027-01-12T05:00:01Z")), publishDueArticles(new Date("2027-01-12T05:00:01Z"))]);
    expect(results.flat().filter((id) => id === story.id)).toHaveLength(1);
    const live = await database.db.article.findUniqueOrThrow({ where: { id: story.id }, include: { liveRevision: true } });
    expect(live.liveRevision!.version).toBe(story.version);
  });

  it("a scheduled publish that fails tells every editor once, shows on the dashboard until it goes out, and holds up no other story", async () => {
    const failing = await scheduled("2027-02-01T09:00");
    const fine = await scheduled("2027-02-01T09:00");
    await database.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_publish() RETURNS trigger AS $$
      BEGIN
        IF NEW."status" = 'PUBLISHED' AND NEW."id" = '${failing.id}' THEN RAISE EXCEPTION 'storage for the story is read-only'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await database.db.$executeRawUnsafe(`CREATE TRIGGER refuse_publish BEFORE UPDATE ON "Article" FOR EACH ROW EXECUTE FUNCTION refuse_publish()`);
    const due = new Date("2027-02-01T08:00:05Z");
    expect(await publishDueArticles(due)).toEqual([fine.id]);
    expect(await publishDueArticles(new Date(due.getTime() + 15_000))).toEqual([]);

    const alerts = async (viewer: StaffViewer) => (await kinds(viewer, failing.id)).filter((kind) => kind === "SCHEDULE_MISSED");
    for (const editor of [deskEditor, otherEditor, admin]) expect(await alerts(editor), "every editor, once").toEqual(["SCHEDULE_MISSED"]);
    expect(await kinds(reporter, failing.id)).not.toContain("SCHEDULE_MISSED");
    const [alert] = (await inbox(otherEditor)).filter((item) => item.articleId === failing.id);
    expect(alert!.message).toContain("1 Feb 2027, 09:00 CET");
    expect(alert!.message).toContain("read-only");
    const missed = await missedSchedules(deskEditor, due);
    expect(missed.map((story) => story.id)).toEqual([failing.id]);
    expect(missed[0]!.scheduleProblem).toContain("the publish failed");

    await database.db.$executeRawUnsafe(`DROP TRIGGER refuse_publish ON "Article"`);
    expect(await publishDueArticles(new Date(due.getTime() + 30_000))).toEqual([failing.id]);
    expect(await missedSchedules(deskEditor, new Date(due.getTime() + 30_000))).toEqual([]);
    expect(await database.db.article.findUniqueOrThrow({ where: { id: failing.id } })).toMatchObject({ status: "PUBLISHED", scheduleAlertAt: null, scheduleProblem: null });
  });

  it("a story left scheduled more than 2 minutes past its time (no scheduler ran) is on the dashboard, and the next sweep tells every editor", async () => {
    const late = await scheduled("2027-03-01T09:00");
    const lateNow = new Date(late.scheduledFor.getTime() + 3 * 60_000);
    expect((await missedSchedules(deskEditor, lateNow)).map((story) => story.id)).toEqual([late.id]);
    expect(await publishDueArticles(lateNow)).toEqual([late.id]);
    expect((await inbox(deskEditor)).find((item) => item.articleId === late.id && item.kind === "SCHEDULE_MISSED")!.message).toContain("3 minutes late");
  });
});

describe("mail", () => {
  it("sends each notification once, through a server that refused the first two tries, and never again", async () => {
    await deliverOutbox(new Date(Date.now() + 3_600_000)); // what earlier tests left in the outbox
    const address = (await database.db.user.findUniqueOrThrow({ where: { id: reporterTwo.id } })).email;
    refusals.set(address, 2);
    const sentBefore = received.length;
    const slugLine = unique("mail-test");
    const story = await createDraft(deskEditor, { slugLine, assigneeId: reporterTwo.id });
    const mail = await database.db.outboxMail.findFirstOrThrow({ where: { notification: { articleId: story.id } } });
    const start = new Date();
    await deliverOutbox(start);
    expect(await database.db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ attempts: 1, sentAt: null });
    expect((await database.db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).lastError).toContain("try again later");
    await deliverOutbox(start); // not yet due again
    expect((await database.db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).attempts).toBe(1);
    await deliverOutbox(new Date(start.getTime() + 6_000));
    await deliverOutbox(new Date(start.getTime() + 20_000));
    await deliverOutbox(new Date(start.getTime() + 3_600_000));
    const mine = received.slice(sentBefore).filter((item) => item.to.includes(address) && item.data.includes(slugLine));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.data).toContain("Subject: =?UTF-8?Q?Assigned_to_you");
    expect(mine[0]!.data).toContain(`Message-ID: <${mail.notificationId}@copydesk.notification>`);
    expect(await database.db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ attempts: 3, lastError: null });
  });

  it("two instances delivering at once send every mail exactly once", async () => {
    const sentBefore = received.length;
    for (let index = 0; index < 6; index++) await createDraft(deskEditor, { slugLine: unique("burst"), assigneeId: reporter.id });
    const now = new Date(Date.now() + 1_000);
    await Promise.all([deliverOutbox(now), deliverOutbox(now), deliverOutbox(now)]);
    const ids = received.slice(sentBefore).map((item) => /Message-ID: (<[^>]+>)/i.exec(item.data)![1]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it("respects a person's choice not to get mail; the inbox still has it", async () => {
    await database.db.user.update({ where: { id: otherEditor.id }, data: { emailNotifications: false } });
    const story = await createDraft(deskEditor, { slugLine: unique("no-mail"), assigneeId: otherEditor.id });
    expect(await kinds(otherEditor, story.id)).toEqual(["ASSIGNED"]);
    expect(await database.db.outboxMail.count({ where: { notification: { articleId: story.id } } })).toBe(0);
  });

  it("shows admins the mail that keeps failing, and nobody else", async () => {
    const address = (await database.db.user.findUniqueOrThrow({ where: { id: reporter.id } })).email;
    refusals.set(address, 100);
    const story = await createDraft(deskEditor, { slugLine: unique("bounce"), assigneeId: reporter.id });
    let now = new Date(Date.now() + 1_000);
    for (let attempt = 0; attempt < 3; attempt++) {
      await deliverOutbox(now);
      now = new Date(now.getTime() + 3_600_000);
    }
    const failing = await failingMail(admin);
    expect(failing.find((mail) => mail.subject.includes("bounce"))).toMatchObject({ to: address, attempts: 3 });
    expect(await code(failingMail(deskEditor))).toBe("FORBIDDEN");
    refusals.set(address, 0);
    expect(story.status).toBe("DRAFT");
  });
});
