import { beforeAll, describe, expect, it } from "vitest";
import { createDraft, dashboardSummary, getArticle, saveDraft } from "@/lib/articles";
import { PLAN_LIMITS } from "@/lib/content/limits";
import { AppError } from "@/lib/errors";
import { listNotifications } from "@/lib/notifications";
import type { StaffViewer } from "@/lib/policy";
import { slugFollowsHeadline, slugify } from "@/lib/slug";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";
import { mailServer } from "../support/smtp";

// Before anything reads the configuration: a newsroom in Berlin, with mail.
process.env.NEWSROOM_TIME_ZONE = "Europe/Berlin";

let database: TestDatabase;
let reporter: StaffViewer;
let reporterTwo: StaffViewer;
let deskEditor: StaffViewer;

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message } : { code: `unexpected: ${String(error)}`, message: "" }),
  );
const notices = async (viewer: StaffViewer, articleId: string) => (await listNotifications(viewer)).notifications.filter((item) => item.articleId === articleId);
let counter = 0;
const unique = (label: string) => `${label} ${++counter}`;

const BRIEF = "Angle: who pays for the dredging, and when the ferries stop.\nCall: harbour master Ines Okafor (0171 555 0199); the port's press office.";

beforeAll(async () => {
  await mailServer();
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER", { name: "Rita Reporter" }));
  reporterTwo = asViewer(await makeUser(database.db, "REPORTER", { name: "Ravi Reporter" }));
  deskEditor = asViewer(await makeUser(database.db, "EDITOR", { name: "Dana Desk" }));
});

describe("the plan's brief", () => {
  it("reaches the assignee: in the inbox notice and its mail, on the story and on their dashboard row", async () => {
    const slugLine = unique("harbour-dredging");
    const planned = await createDraft(deskEditor, { slugLine, assigneeId: reporter.id, deadline: "2026-12-08T16:00", brief: `  ${BRIEF}  ` });
    expect((await database.db.article.findUniqueOrThrow({ where: { id: planned.id } })).brief).toBe(BRIEF);

    const [notice] = await notices(reporter, planned.id);
    expect(notice!.message).toBe(`Dana Desk assigned “${slugLine}” to you, due 8 Dec 2026, 16:00 CET.\n\nBrief: ${BRIEF}`);
    const mail = await database.db.outboxMail.findFirstOrThrow({ where: { notification: { articleId: planned.id } } });
    expect(mail.text).toContain(`Brief: ${BRIEF}`);

    expect((await getArticle(reporter, planned.id)).plan).toMatchObject({ brief: BRIEF, deadline: new Date("2026-12-08T15:00:00Z") });
    const row = (await dashboardSummary(reporter)).myDrafts.articles.find((article) => article.id === planned.id);
    expect(row).toMatchObject({ brief: BRIEF, deadline: new Date("2026-12-08T15:00:00Z") });
  });

  it("goes with the story to a new assignee, and a plan saved with a blank brief clears it", async () => {
    const planned = await createDraft(deskEditor, { slugLine: unique("ferry-timetable"), assigneeId: reporter.id, brief: BRIEF });
    await saveDraft(deskEditor, { articleId: planned.id, assigneeId: reporterTwo.id });
    const [notice] = await notices(reporterTwo, planned.id);
    expect(notice!.message).toContain(`Brief: ${BRIEF}`);

    await saveDraft(deskEditor, { articleId: planned.id, brief: "   " });
    expect((await database.db.article.findUniqueOrThrow({ where: { id: planned.id } })).brief).toBeNull();
    expect((await getArticle(reporterTwo, planned.id)).plan.brief).toBeNull();
  });

  it(`is refused past ${PLAN_LIMITS.briefChars} characters, by name, and nothing is made or changed`, async () => {
    const tooLong = "x".repeat(PLAN_LIMITS.briefChars + 1);
    const before = await database.db.article.count();
    expect(await refusal(createDraft(deskEditor, { slugLine: unique("long"), assigneeId: reporter.id, brief: tooLong }))).toEqual({
      code: "VALIDATION",
      message: "brief: must be at most 1,000 characters",
    });
    expect(await database.db.article.count()).toBe(before);

    const planned = await createDraft(deskEditor, { slugLine: unique("just-fits"), brief: "y".repeat(PLAN_LIMITS.briefChars) });
    expect((await refusal(saveDraft(deskEditor, { articleId: planned.id, brief: tooLong })))?.code).toBe("VALIDATION");
    expect((await database.db.article.findUniqueOrThrow({ where: { id: planned.id } })).brief).toBe("y".repeat(PLAN_LIMITS.briefChars));
    // The database holds the same line for any writer that is not the service.
    await expect(database.db.article.update({ where: { id: planned.id }, data: { brief: tooLong } })).rejects.toThrow(/Article_brief_length/);
  });

  it("is the desk's to write: a reporter cannot set one", async () => {
    const planned = await createDraft(deskEditor, { slugLine: unique("mine"), assigneeId: reporter.id });
    expect((await refusal(saveDraft(reporter, { articleId: planned.id, brief: "My own angle" })))?.code).toBe("FORBIDDEN");
    expect((await database.db.article.findUniqueOrThrow({ where: { id: planned.id } })).brief).toBeNull();
  });
});

describe("a planned story's address", () => {
  it("is a placeholder until its headline gives it one, so two plans may share a slug line", async () => {
    const slugLine = unique("council");
    const first = await createDraft(deskEditor, { slugLine, assigneeId: reporter.id });
    const second = await createDraft(deskEditor, { slugLine, assigneeId: reporterTwo.id });
    for (const planned of [first, second]) {
      expect(planned.slug).toMatch(/^untitled-[0-9a-f]{8}$/);
      expect(slugFollowsHeadline(await getArticle(deskEditor, planned.id))).toBe(true);
    }
    // What the editor sends once the reporter types a headline: the address made from it.
    const headline = `Council votes on the harbour ${counter}`;
    const saved = await saveDraft(reporter, { articleId: first.id, version: first.version, headline, slug: slugify(headline) });
    expect(saved.slug).toBe(slugify(headline));
    expect(slugFollowsHeadline(await getArticle(reporter, first.id))).toBe(true);
  });

  it("takes its headline's address when a save names a headline and no slug (an API client), if that address is free", async () => {
    const headline = `Ferry fares rise again ${++counter}`;
    const planned = await createDraft(deskEditor, { slugLine: unique("fares"), assigneeId: reporter.id });
    const saved = await saveDraft(reporter, { articleId: planned.id, version: planned.version, headline });
    expect(saved).toMatchObject({ slug: slugify(headline), invalid: [] });

    // A second plan given the same headline: the address is taken, so it keeps its placeholder, quietly (nobody asked for one).
    const twin = await createDraft(deskEditor, { slugLine: unique("fares"), assigneeId: reporterTwo.id });
    const twinSaved = await saveDraft(reporterTwo, { articleId: twin.id, version: twin.version, headline });
    expect(twinSaved).toMatchObject({ slug: twin.slug, invalid: [] });
    expect((await database.db.article.findUniqueOrThrow({ where: { id: twin.id } })).headline).toBe(headline);

    // Once it has its address, a new headline alone leaves it (the editor sends the new one while it still follows).
    const renamed = await saveDraft(reporter, { articleId: planned.id, version: saved.version, headline: `${headline}, council says` });
    expect(renamed.slug).toBe(slugify(headline));
  });
});
