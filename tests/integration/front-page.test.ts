import { beforeAll, describe, expect, it } from "vitest";
import { arrangeFrontPage, createDraft, FRONT_PAGE_SLOTS, getFrontPagePlan, transition } from "@/lib/articles";
import { AppError } from "@/lib/errors";
import type { StaffViewer } from "@/lib/policy";
import { frontPage } from "@/lib/reader/front-page";
import { PAGE_SIZE } from "@/lib/reader/read";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

let database: TestDatabase;
let reporter: StaffViewer;
let editor: StaffViewer;
const live: { id: string; slug: string; version: number }[] = [];

const code = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`));
const frontIds = async (page = 1) => (await frontPage(page)).articles.map((article) => article.id);

async function story(publish: boolean) {
  const created = await createDraft(reporter, { headline: `Front page story ${live.length} ${Date.now()}` });
  if (!publish) return created;
  const published = await transition(editor, { articleId: created.id, action: "publish", version: created.version });
  return { ...created, version: published.version };
}

beforeAll(async () => {
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER"));
  editor = asViewer(await makeUser(database.db, "EDITOR"));
  // Published one after another: the newest is last in `live`.
  for (let index = 0; index < PAGE_SIZE + 4; index++) live.push(await story(true));
});

describe("the front page editors choose", () => {
  it("leads with the pinned stories in their order, then everything else newest first, each story once across pages", async () => {
    const newestFirst = [...live].reverse().map((article) => article.id);
    expect(await frontIds()).toEqual(newestFirst.slice(0, PAGE_SIZE));

    const pins = [live[2]!.id, live[0]!.id, live[5]!.id];
    await arrangeFrontPage(editor, { articleIds: pins });
    const rest = newestFirst.filter((id) => !pins.includes(id));
    expect(await frontIds()).toEqual([...pins, ...rest.slice(0, PAGE_SIZE - pins.length)]);
    expect(await frontIds(2)).toEqual(rest.slice(PAGE_SIZE - pins.length, 2 * PAGE_SIZE - pins.length));
    expect((await getFrontPagePlan(editor)).pinned.map((story) => story.id)).toEqual(pins);

    // Unpinned, the stories drop back to their newest-first places.
    await arrangeFrontPage(editor, { articleIds: [] });
    expect(await frontIds()).toEqual(newestFirst.slice(0, PAGE_SIZE));
  });

  it("pins only live stories, each once, at most the slots there are, and only by editors; a refusal changes nothing", async () => {
    await arrangeFrontPage(editor, { articleIds: [live[1]!.id] });
    const draft = await story(false);
    const tooMany = live.slice(0, FRONT_PAGE_SLOTS + 1).map((article) => article.id);
    for (const articleIds of [[draft.id], [live[3]!.id, live[3]!.id], tooMany, ["no-such-story"]]) {
      expect(await code(arrangeFrontPage(editor, { articleIds }))).toBe("VALIDATION");
    }
    expect(await code(arrangeFrontPage(editor, { articleIds: "everything" }))).toBe("VALIDATION");
    expect(await code(arrangeFrontPage(reporter, { articleIds: [live[4]!.id] }))).toBe("FORBIDDEN");
    expect(await code(getFrontPagePlan(reporter))).toBe("FORBIDDEN");
    expect((await frontIds())[0]).toBe(live[1]!.id);
  });

  it("lets a taken-down story leave its slot for good: the next slot moves up, republishing does not pin it again", async () => {
    const [first, second] = [live[6]!, live[7]!];
    await arrangeFrontPage(editor, { articleIds: [first.id, second.id] });
    const unpublished = await transition(editor, { articleId: first.id, action: "unpublish", note: "Legal asked us to." });
    expect((await frontIds())[0]).toBe(second.id);
    expect((await getFrontPagePlan(editor)).pinned.map((story) => story.id)).toEqual([second.id]);
    await transition(editor, { articleId: first.id, action: "publish", version: unpublished.version });
    expect((await getFrontPagePlan(editor)).pinned.map((story) => story.id)).toEqual([second.id]);
  });

  it("takes two editors arranging at once one after the other: the result is one of their orders, whole", async () => {
    const orders = [[live[8]!.id, live[9]!.id], [live[10]!.id, live[11]!.id, live[12]!.id]];
    await Promise.all(orders.map((articleIds) => arrangeFrontPage(editor, { articleIds })));
    expect(orders).toContainEqual((await getFrontPagePlan(editor)).pinned.map((story) => story.id));
  });
});
