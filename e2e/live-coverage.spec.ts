import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { NGINX, startReaderProxy, type Nginx } from "@/scripts/lib/nginx";
import { axeFindings, freePort } from "./quality";
import { invitePerson, signedInPage, signIn } from "./support";

/*
 * Live coverage from the desk to an open reader page, through the shipped
 * reader tier: a reporter on a phone posts, the newsroom's approval rule
 * holds it, an editor posts it, and a signed-out page opened before any of
 * it follows without reloading. The tests share one live blog and run in
 * order; the approval rule is switched on and back off here (only live
 * entries read it).
 */
test.describe.configure({ mode: "serial" });

/** The follower's interval (public/reader/article.js) and the bound the issue sets on top of it. */
const FOLLOWS_WITHIN_MS = 10_000 + 2_000;
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

let tier: Nginx;
let prefix: string;
let tierUrl: string;
let blog: { id: string; slug: string };
let editor: Page;
let reader: Page;
let entryId: string;

test.beforeAll(async () => {
  expect(NGINX, "nginx is needed for the reader tier (apt-get install nginx)").not.toBeNull();
  prefix = await mkdtemp(path.join(os.tmpdir(), "copydesk-live-"));
  const publicPort = await freePort();
  // The app refreshes through the listener on the port after its own (playwright.config.ts), as in production; no other
  // spec of this project starts a tier there (reader-quality's, which also does, runs in a later project).
  const appPort = Number(process.env.E2E_PORT ?? 3100);
  tier = await startReaderProxy({ prefix, upstreams: [`127.0.0.1:${appPort}`], publicPort, refreshPort: appPort + 1 });
  tierUrl = `http://127.0.0.1:${publicPort}`;
});

test.afterAll(async () => {
  await editor?.request.patch("/api/v1/newsroom/settings", { data: { liveEntriesNeedApproval: false } }).catch(() => {});
  await tier?.stop();
  if (prefix) await rm(prefix, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

async function phone(browser: Browser, email: string) {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await signIn(page, email);
  return page;
}

/** A signed-out reader's page, through the tier, counting its looks at the updates address. */
async function readerPage(browser: Browser, slug: string) {
  const page = await (await browser.newContext()).newPage();
  const looks: number[] = [];
  page.on("request", (request) => request.url().endsWith(`/articles/${slug}/updates.json`) && looks.push(Date.now()));
  await page.goto(`${tierUrl}/articles/${slug}`);
  return { page, looks };
}

test("an assigned reporter posts from a phone; with approval on it waits, unseen; an editor posts it and an open reader page shows it without reloading", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await signedInPage(browser, "admin@example.com");
  expect((await admin.request.patch("/api/v1/newsroom/settings", { data: { liveEntriesNeedApproval: true } })).ok()).toBe(true);
  const { users } = await (await admin.request.get("/api/v1/newsroom/users")).json();
  const reporterId = users.find((user: { email: string }) => user.email === "reporter@example.com").id;

  editor = await signedInPage(browser, "editor@example.com");
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { kind: "live", headline: `Storm Amelie live ${Date.now()}`, standfirst: "Updates as the storm crosses the coast.", body: doc("What we know so far."), assigneeId: reporterId } })).json();
  expect(created.kind).toBe("live");
  expect((await editor.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: created.version } })).ok()).toBe(true);
  blog = created;

  const opened = await readerPage(browser, blog.slug);
  reader = opened.page;
  await expect(reader.locator("[data-live-label]").first()).toHaveText("Live");
  await expect(reader.getByText("No updates yet.")).toBeVisible();

  // The reporter, on a 390 px phone, writes an entry with a photo and sends it with Ctrl+Enter.
  const reporter = await phone(browser, "reporter@example.com");
  await reporter.goto(`/newsroom/articles/${blog.id}`);
  const composer = reporter.getByRole("group", { name: "New entry" });
  await expect(composer.getByRole("button", { name: "Send for approval" })).toBeVisible();
  await composer.getByLabel("Entry title (optional)").fill("Sea wall breached at the harbour");
  await composer.getByRole("textbox", { name: "Entry text" }).click();
  await reporter.keyboard.type("Water is over the quay road; police have closed it.");
  await composer.getByRole("button", { name: "Image", exact: true }).click();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"><rect width="800" height="500" fill="#2f5d7c"/></svg>`;
  await composer.getByLabel("Image file").setInputFiles({ name: "quay.png", mimeType: "image/png", buffer: await sharp(Buffer.from(svg)).png().toBuffer() });
  await composer.getByLabel("Image alt text").fill("Waves over the harbour wall");
  await composer.getByLabel("Image credit").fill("Ana Ruiz");
  await composer.getByRole("button", { name: "Insert image" }).click();
  await expect(composer.locator("figure img")).toHaveAttribute("alt", "Waves over the harbour wall");
  const box = await composer.getByRole("button", { name: "Send for approval" }).boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await composer.getByRole("textbox", { name: "Entry text" }).click();
  await reporter.keyboard.press("Control+Enter");
  await expect(reporter.getByRole("status").filter({ hasText: "Sent: it waits for an editor to post it." })).toBeVisible();
  await expect(reporter.getByRole("heading", { name: "Waiting for approval (1)" })).toBeVisible();

  // Nobody outside sees what waits.
  const waiting = await (await editor.request.get(`/api/v1/newsroom/articles/${blog.id}/entries`)).json();
  expect(waiting.entries).toHaveLength(1);
  entryId = waiting.entries[0].id;
  expect(waiting.entries[0].status).toBe("PENDING");
  expect((await (await fetch(`${tierUrl}/articles/${blog.slug}/updates.json`)).json()).entries).toEqual([]);
  expect(await (await fetch(`${tierUrl}/api/v1/content/articles/${blog.slug}`)).json()).toMatchObject({ entries: [] });

  // The editor posts it from the queue; the open reader page offers it within the poll interval and two seconds.
  await editor.goto(`/newsroom/articles/${blog.id}`);
  const queue = editor.getByRole("region", { name: /Waiting for approval/ });
  await queue.getByRole("button", { name: "Post it" }).click();
  const posted = Date.now();
  await expect(editor.getByRole("status").filter({ hasText: "Posted: readers have it." })).toBeVisible();
  const offer = reader.getByRole("button", { name: "1 new update" });
  await expect(offer).toBeVisible({ timeout: FOLLOWS_WITHIN_MS });
  console.log(`entry posted → offered on an open reader page through the tier: ${Date.now() - posted} ms`);
  // The page with its new-updates control passes axe as every reader page does.
  expect((await axeFindings(reader)).filter((finding) => ["serious", "critical"].includes(finding.impact))).toEqual([]);
  await offer.click();
  const entry = reader.locator(`#entry-${entryId}`);
  await expect(entry.getByRole("heading", { name: "Sea wall breached at the harbour" })).toBeVisible();
  await expect(entry.getByRole("img", { name: "Waves over the harbour wall" })).toBeVisible();
  await expect(entry).toBeFocused();
  await expect(reader.getByText("No updates yet.")).toHaveCount(0);
  expect(opened.looks.length).toBeGreaterThan(0);
});

test("key event and pin show as such, an edit says Updated, a delete leaves page, JSON and feed — all on the open page, without reloading", async () => {
  test.setTimeout(180_000);
  const desk = editor.locator(`[data-entry-row="${entryId}"]`);
  await desk.getByRole("button", { name: "Key event" }).click();
  await expect(reader.locator(`#entry-${entryId}`).getByText("Key event")).toBeVisible({ timeout: FOLLOWS_WITHIN_MS });
  await expect(reader.getByRole("navigation", { name: "Key events" }).getByRole("link", { name: /Sea wall breached/ })).toHaveAttribute("href", `#entry-${entryId}`);

  await desk.getByRole("button", { name: "Pin" }).click();
  await expect(reader.getByRole("region", { name: "Pinned" }).getByRole("heading", { name: "Sea wall breached at the harbour" })).toBeVisible({ timeout: FOLLOWS_WITHIN_MS });

  // A second entry, then an edit of its words through the desk's Edit.
  const second = await (await editor.request.post(`/api/v1/newsroom/articles/${blog.id}/entries`, { data: { body: doc("Trains to the coast are stopped.") } })).json();
  expect(second.status).toBe("POSTED");
  await expect(reader.getByRole("button", { name: "1 new update" })).toBeVisible({ timeout: FOLLOWS_WITHIN_MS });
  await reader.getByRole("button", { name: "1 new update" }).click();
  const row = editor.locator(`[data-entry-row="${second.id}"]`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.getByRole("button", { name: "Edit" }).click();
  await row.getByRole("textbox", { name: "Entry text" }).click();
  await editor.keyboard.press("End");
  await editor.keyboard.type(" Buses replace them from noon.");
  await row.getByRole("button", { name: "Save entry" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Entry updated" })).toBeVisible();
  const onPage = reader.locator(`#entry-${second.id}`);
  await expect(onPage).toContainText("Buses replace them from noon.", { timeout: FOLLOWS_WITHIN_MS });
  await expect(onPage).toContainText("Updated");

  // Deleted: gone from the open page, the updates address, the content API and the feed.
  await row.getByRole("button", { name: "Delete" }).click();
  await row.getByLabel("Why it goes (kept in history)").fill("Duplicate of the rail operator's notice");
  await row.getByRole("button", { name: "Delete entry" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Deleted" })).toBeVisible();
  await expect(onPage).toHaveCount(0, { timeout: FOLLOWS_WITHIN_MS });
  await expect(async () => {
    expect((await (await fetch(`${tierUrl}/articles/${blog.slug}/updates.json`)).json()).entries.map((entry: { id: string }) => entry.id)).not.toContain(second.id);
    expect(JSON.stringify(await (await fetch(`${tierUrl}/api/v1/content/articles/${blog.slug}`)).json())).not.toContain(second.id);
    expect(await (await fetch(`${tierUrl}/articles/${blog.slug}/feed.xml`)).text()).not.toContain(second.id);
  }).toPass({ timeout: 5_000 });
  expect(await (await fetch(`${tierUrl}/articles/${blog.slug}/feed.xml`)).text()).toContain(`entry-${entryId}`);

  // An entry's correction, from the desk: public at once, and /corrections links to the entry.
  await desk.getByRole("button", { name: "Correct" }).click();
  await desk.getByLabel("Correction note").fill("The breach is at the east quay, not the west.");
  await desk.getByRole("button", { name: "Add correction" }).click();
  await expect(desk.getByRole("status").filter({ hasText: "readers see it now" })).toBeVisible();
  await expect(async () => {
    expect(await (await fetch(`${tierUrl}/corrections`)).text()).toContain(`href="/articles/${blog.slug}#entry-${entryId}"`);
  }).toPass({ timeout: 5_000 });
});

test("'End live coverage' takes the LIVE label down on the open page and stops its polling; the history names every entry fact", async () => {
  test.setTimeout(120_000);
  await editor.getByRole("button", { name: "End live coverage" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Live coverage ended" })).toBeVisible();
  await expect(reader.getByText("Live coverage has ended.", { exact: true }).last()).toBeVisible({ timeout: FOLLOWS_WITHIN_MS });
  await expect(reader.locator("[data-live-label]")).toHaveCount(0);
  const looked = await reader.evaluate(() => performance.getEntriesByType("resource").filter((entry) => entry.name.includes("/updates.json")).length);
  await reader.waitForTimeout(FOLLOWS_WITHIN_MS);
  expect(await reader.evaluate(() => performance.getEntriesByType("resource").filter((entry) => entry.name.includes("/updates.json")).length)).toBe(looked);
  // A reader arriving now finds no LIVE label and JSON-LD that says when coverage ended.
  const html = await (await fetch(`${tierUrl}/articles/${blog.slug}`)).text();
  const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
  expect(data["@type"]).toBe("LiveBlogPosting");
  expect(data.coverageEndTime).toEqual(expect.any(String));
  expect(data.liveBlogUpdate[0]).toMatchObject({ "@type": "BlogPosting", headline: "Sea wall breached at the harbour", articleBody: expect.stringContaining("quay road") });

  await editor.goto(`/newsroom/articles/${blog.id}/history`);
  for (const fact of ["Sent an entry for approval", "Approved and posted an entry", "Pinned an entry", "Edited an entry", "Deleted an entry", "Ended live coverage"]) {
    await expect(editor.getByText(fact).first()).toBeVisible();
  }
  await expect(editor.getByText(/Duplicate of the rail operator's notice/)).toBeVisible();
});

test("bad entries are 4xx answers naming why, and change nothing", async ({ browser }) => {
  const entries = `/api/v1/newsroom/articles/${blog.id}/entries`;
  expect((await editor.request.post(`/api/v1/newsroom/articles/${blog.id}/coverage`, { data: { running: true } })).ok()).toBe(true);
  const before = (await (await editor.request.get(entries)).json()).entries.length;
  const answer = async (response: Promise<import("@playwright/test").APIResponse>) => {
    const settled = await response;
    return { status: settled.status(), message: (await settled.json()).error?.message as string };
  };
  expect(await answer(editor.request.post(entries, { data: { body: { type: "doc", content: [{ type: "paragraph" }] } } }))).toMatchObject({ status: 400, message: expect.stringContaining("an entry needs some words or a photo") });
  expect(await answer(editor.request.post(entries, { data: { body: doc("Second pin."), pinned: true } }))).toMatchObject({ status: 409, message: expect.stringContaining("Another entry is pinned") });
  const story = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Not live ${Date.now()}` } })).json();
  expect(await answer(editor.request.post(`/api/v1/newsroom/articles/${story.id}/entries`, { data: { body: doc("Here?") } }))).toMatchObject({ status: 409, message: expect.stringContaining("not live coverage") });
  expect(await answer(editor.request.patch(`${entries}/${entryId}`, { data: { version: 1, title: "Stale" } }))).toMatchObject({ status: 409, message: expect.stringContaining("Someone else changed this entry first") });
  expect((await editor.request.post(`/api/v1/newsroom/articles/${blog.id}/coverage`, { data: { running: "yes" } })).status()).toBe(400);
  const admin = await signedInPage(browser, "admin@example.com");
  const outsider = await invitePerson(browser, admin, "Reporter");
  const stranger = await signedInPage(browser, outsider.email, outsider.password);
  expect(await answer(stranger.request.post(entries, { data: { body: doc("Not my story.") } }))).toMatchObject({ status: 403 });
  expect((await (await editor.request.get(entries)).json()).entries.length).toBe(before);
});
