import { beforeAll, describe, expect, it } from "vitest";
import { GET as contentArticle } from "@/app/api/v1/content/articles/[slug]/route";
import { addCorrection, createDraft, listArticles, transition } from "@/lib/articles";
import { createApiToken } from "@/lib/auth/api-tokens";
import { AppError } from "@/lib/errors";
import type { StaffViewer } from "@/lib/policy";
import { articleBySlug } from "@/lib/reader/article";
import { archivedSlugs } from "@/lib/reader/gone";
import { CreateUserInput, UpdateUserInput } from "@/lib/users/schemas";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

let database: TestDatabase;
let reporter: StaffViewer;
let editor: StaffViewer;
let admin: StaffViewer;

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER"));
  editor = asViewer(await makeUser(database.db, "EDITOR"));
  admin = asViewer(await makeUser(database.db, "ADMIN"));
});

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
let counter = 0;
const draft = () => createDraft(reporter, { headline: `Slip story ${++counter} ${Date.now()}`, standfirst: "A standfirst.", body: paragraph("Text.") });

/** A fixture, not a workflow move: the story straight into its state. */
async function storyThat({ wasLive, status }: { wasLive: boolean; status: "PUBLISHED" | "ARCHIVED" }) {
  const { id } = await draft();
  const first = await database.db.revision.findFirstOrThrow({ where: { articleId: id } });
  const live = status === "PUBLISHED";
  return database.db.article.update({
    where: { id },
    data: { status, publishedAt: wasLive ? new Date() : null, ...(live && { liveRevisionId: first.id, liveSince: new Date() }) },
  });
}

const contentStatus = async (slug: string) =>
  (await contentArticle(new Request(`http://localhost/api/v1/content/articles/${slug}`), { params: Promise.resolve({ slug }) })).status;
const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : String(error)));

describe("withdrawn means it was live once, for the page and the content API alike", () => {
  it("an archived story readers never had is missing (404) everywhere; one they had is gone (410)", async () => {
    const neverLive = await storyThat({ wasLive: false, status: "ARCHIVED" });
    const withdrawn = await storyThat({ wasLive: true, status: "ARCHIVED" });

    expect((await articleBySlug(neverLive.slug)).kind).toBe("missing");
    expect(await contentStatus(neverLive.slug)).toBe(404);
    expect((await articleBySlug(withdrawn.slug)).kind).toBe("gone");
    expect(await contentStatus(withdrawn.slug)).toBe(410);

    // The server edge answers the page's 410 from this list: the same rule.
    const gone = await archivedSlugs();
    expect(gone).toContain(withdrawn.slug);
    expect(gone).not.toContain(neverLive.slug);
  });

  it("a former address of a withdrawn story is gone; of one never live, missing", async () => {
    for (const wasLive of [true, false]) {
      const story = await storyThat({ wasLive, status: "ARCHIVED" });
      const former = `former-${story.slug}`;
      await database.db.slugRedirect.create({ data: { slug: former, articleId: story.id } });
      expect((await articleBySlug(former)).kind).toBe(wasLive ? "gone" : "missing");
      expect(await contentStatus(former)).toBe(wasLive ? 410 : 404);
      expect((await archivedSlugs()).includes(former)).toBe(wasLive);
    }
  });
});

describe("names the API takes are read in any letter case", () => {
  it("a correction kind as the contract writes it ('clarification'), or in any case, is stored canonically", async () => {
    const story = await storyThat({ wasLive: true, status: "PUBLISHED" });
    expect((await addCorrection(editor, { articleId: story.id, kind: "clarification", note: "Lower case." })).kind).toBe("CLARIFICATION");
    expect((await addCorrection(editor, { articleId: story.id, kind: "Update", note: "Mixed case." })).kind).toBe("UPDATE");
    expect((await addCorrection(editor, { articleId: story.id, note: "No kind." })).kind).toBe("CORRECTION");
    const before = await database.db.correction.count({ where: { articleId: story.id } });
    expect(await codeOf(addCorrection(editor, { articleId: story.id, kind: "retraction", note: "Not a kind." }))).toBe("VALIDATION");
    expect(await codeOf(addCorrection(editor, { articleId: story.id, kind: " clarification", note: "Not trimmed." }))).toBe("VALIDATION");
    expect(await database.db.correction.count({ where: { articleId: story.id } })).toBe(before);
  });

  it("token scopes, workflow actions, list filters and roles too", async () => {
    expect((await createApiToken(admin, { name: `Lower ${Date.now()}`, scope: "read" })).apiToken.scope).toBe("READ");
    expect(await codeOf(createApiToken(admin, { name: `Bad ${Date.now()}`, scope: "write" }))).toBe("VALIDATION");

    const { id } = await draft();
    await transition(reporter, { articleId: id, action: "SUBMIT" });
    expect((await database.db.article.findUniqueOrThrow({ where: { id } })).status).toBe("IN_REVIEW");
    expect(await codeOf(transition(reporter, { articleId: id, action: "sumbit" }))).toBe("VALIDATION");

    const inReview = await listArticles(editor, { status: "in_review", limit: 100 });
    expect(inReview.articles.map((row) => row.id)).toContain(id);

    expect(CreateUserInput.parse({ name: "Ana", email: "ana@test.invalid", role: "editor" }).role).toBe("EDITOR");
    expect(UpdateUserInput.parse({ role: "Admin" }).role).toBe("ADMIN");
    expect(UpdateUserInput.safeParse({ role: "owner" }).success).toBe(false);
  });
});
