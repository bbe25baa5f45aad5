import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { slugify } from "@/lib/slug";
import { ARTICLES } from "@/prisma/seed-data";
import { NGINX, startReaderProxy, type Nginx } from "@/scripts/lib/nginx";
import { ROOT } from "@/scripts/lib/processes";
import { describeVitals, kb, loadAverage, measureReaderPages, PHONE, PHONE_GOALS } from "@/scripts/lib/reader-vitals";
import { failedAudits, freePort, withLighthouse } from "./quality";
import { signedInPage } from "./support";

/*
 * Every reader page type, fetched the way readers get it — signed out,
 * through the shipped nginx reader tier — must be valid HTML (the W3C Nu
 * checker, vnu-jar) and score 100 in Lighthouse's accessibility, best-practices
 * and SEO categories. Search results and previews are deliberately not indexable,
 * so for them every SEO audit but "is crawlable" must pass.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const VNU_JAR = path.join(ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
// The checked story holds a table (a header row, a header column, a span): readers' tables must pass the checkers too.
const cell = (type: string, text: string, colspan = 1) => ({ type, attrs: { colspan, rowspan: 1 }, content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const row = (...cells: ReturnType<typeof cell>[]) => ({ type: "tableRow", content: cells });
const TABLE = {
  type: "table",
  content: [
    row(cell("tableHeader", "Phase"), cell("tableHeader", "Dates"), cell("tableHeader", "Cost")),
    row(cell("tableHeader", "Survey"), cell("tableCell", "March–May"), cell("tableCell", "£1,200")),
    row(cell("tableHeader", "Build"), cell("tableCell", "June to December, weather permitting", 2)),
  ],
};

let tier: Nginx;
let prefix: string;
let tierUrl: string;
let story: { id: string; slug: string; version: number };
let editorRequest: APIRequestContext;
const pages: { name: string; path: string; indexable: boolean }[] = [];

test.beforeAll(async ({ browser }) => {
  expect(NGINX, "nginx is needed for the reader tier (apt-get install nginx)").not.toBeNull();
  prefix = await mkdtemp(path.join(os.tmpdir(), "copydesk-tier-"));
  // The app calls the refresh listener at READER_REFRESH_URL (playwright.config.ts): the port after its own.
  const [publicPort, refreshPort] = [await freePort(), Number(process.env.E2E_PORT ?? 3100) + 1];
  tier = await startReaderProxy({ prefix, upstreams: [`127.0.0.1:${process.env.E2E_PORT ?? 3100}`], publicPort, refreshPort });
  tierUrl = `http://127.0.0.1:${publicPort}`;

  // A live story with a photo-less body, a correction and a share link, so every part of each page type is there.
  const editor = await signedInPage(browser, "editor@example.com");
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Quality check story ${Date.now()}`, standfirst: "A story for the checkers.", body: { type: "doc", content: [...doc("Words for the checkers.").content, TABLE] }, tags: ["water"] } })).json();
  expect((await editor.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "publish", version: created.version } })).ok()).toBe(true);
  expect((await editor.request.post(`/api/v1/newsroom/articles/${created.id}/corrections`, { data: { kind: "UPDATE", note: "Added the checkers' names." } })).ok()).toBe(true);
  const share = await (await editor.request.post(`/api/v1/newsroom/articles/${created.id}/previews`, { data: {} })).json();
  const authorHref = await (await editor.request.get(`/articles/${created.slug}`)).text().then((html) => /href="(\/authors\/[^"]+)"/.exec(html)?.[1]);
  expect(authorHref).toBeDefined();
  // The checkers judge the story with its table in it, as readers get it (lib/content/render.tsx).
  expect(await (await editor.request.get(`/articles/${created.slug}`)).text()).toContain('role="region" aria-label="Table: Phase, Dates, Cost" tabindex="0"><table><thead>');
  // Live coverage with a pinned entry, a key event and more entries than one page holds, so its older page exists too.
  const live = await (await editor.request.post("/api/v1/newsroom/articles", { data: { kind: "live", headline: `Quality check live ${Date.now()}`, standfirst: "Live coverage for the checkers.", body: doc("What we know.") } })).json();
  expect((await editor.request.post(`/api/v1/newsroom/articles/${live.id}/transitions`, { data: { action: "publish", version: live.version } })).ok()).toBe(true);
  const entries = `/api/v1/newsroom/articles/${live.id}/entries`;
  expect((await editor.request.post(entries, { data: { title: "The summary", body: doc("Where things stand."), pinned: true } })).ok()).toBe(true);
  for (let n = 1; n <= 21; n++) expect((await editor.request.post(entries, { data: { ...(n % 7 === 0 && { title: `Turning point ${n}` }), body: doc(`Update number ${n}.`), keyEvent: n % 7 === 0 } })).ok()).toBe(true);
  // The page is refreshed after each post's commit: on a loaded machine the last refreshes may still be under way.
  const olderLink = async () => /href="(\/articles\/[^"]+\/older\/[^"]+)"/.exec(await (await editor.request.get(`/articles/${live.slug}`)).text())?.[1];
  await expect.poll(olderLink, { timeout: 15_000 }).toBeDefined();
  const olderHref = await olderLink();
  story = created;
  editorRequest = editor.request;
  pages.push(
    { name: "live blog", path: `/articles/${live.slug}`, indexable: true },
    { name: "live blog, older updates", path: olderHref!, indexable: true },
    { name: "front page", path: "/", indexable: true },
    { name: "article", path: `/articles/${created.slug}`, indexable: true },
    { name: "section", path: "/sections/world", indexable: true },
    { name: "tag", path: "/tags/water", indexable: true },
    { name: "author", path: authorHref!, indexable: true },
    { name: "corrections", path: "/corrections", indexable: true },
    { name: "search", path: "/search?q=ferry", indexable: false },
    { name: "preview", path: new URL(share.url).pathname, indexable: false },
  );
});

test.afterAll(async () => {
  await tier?.stop();
  // nginx's cache manager may still be writing as it exits: retry the removal a few times.
  if (prefix) await rm(prefix, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

const CATEGORIES = ["accessibility", "best-practices", "seo"] as const;

async function fetchThroughTier(request: APIRequestContext, pagePath: string) {
  const response = await request.get(`${tierUrl}${pagePath}`);
  expect(response.status(), pagePath).toBe(200);
  return response.text();
}

test("every reader page type is valid HTML (W3C Nu checker)", async ({ request }) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), "copydesk-vnu-"));
  try {
    const files = await Promise.all(
      pages.map(async (page) => {
        const file = path.join(folder, `${page.name.replace(/\W+/g, "-")}.html`);
        const html = await fetchThroughTier(request, page.path);
        // Canonical links are absolute, on the public address, for every indexable page.
        if (page.indexable) expect(html, page.name).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+"/);
        await writeFile(file, html);
        return file;
      }),
    );
    const { stdout } = await promisify(execFile)("java", ["-jar", VNU_JAR, "--format", "json", "--stdout", "--exit-zero-always", ...files], { maxBuffer: 16 * 1024 * 1024 });
    const { messages } = JSON.parse(stdout) as { messages: { type: string; url: string; message: string; extract?: string }[] };
    const errors = messages.filter((message) => message.type === "error").map((m) => `${path.basename(m.url)}: ${m.message} ${m.extract ?? ""}`);
    expect(errors).toEqual([]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test("every reader page type scores 100 for accessibility, best practices and SEO in Lighthouse, through the tier", async ({ playwright, launchOptions }) => {
  const failures = await withLighthouse(playwright, launchOptions, async (lighthouse) => {
    const found: string[] = [];
    for (const page of pages) {
      const lhr = await lighthouse(`${tierUrl}${page.path}`, { onlyCategories: [...CATEGORIES] });
      for (const category of CATEGORIES) {
        const skip = (id: string) => category === "seo" && !page.indexable && id === "is-crawlable";
        for (const audit of failedAudits(lhr, category, skip)) found.push(`${page.name} ${category}: ${audit}`);
      }
    }
    return found;
  });
  expect(failures).toEqual([]);
});

test("the tier never passes on the app's internal endpoint", async ({ request }) => {
  for (const method of ["get", "post"] as const) expect((await request[method](`${tierUrl}/api/internal/revalidate`)).status()).toBe(404);
});

test("previews pass straight through the tier; reader pages are cached there", async ({ request }) => {
  const preview = pages.find((page) => page.name === "preview")!;
  const article = pages.find((page) => page.name === "article")!;
  for (let i = 0; i < 2; i++) {
    const response = await request.get(`${tierUrl}${preview.path}`);
    expect(response.headers()["x-cache"]).toBeUndefined();
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(response.headers()["x-robots-tag"]).toContain("noindex");
  }
  await request.get(`${tierUrl}${article.path}`);
  expect((await request.get(`${tierUrl}${article.path}`)).headers()["x-cache"]).toBe("HIT");
});

test("a save to a live story never reaches readers through the tier, however hot the page", async ({ request }) => {
  const page = `${tierUrl}/articles/${story.slug}`;
  for (let i = 0; i < 3; i++) expect(await (await request.get(page)).text()).toContain("A story for the checkers.");
  const unreviewed = `Unreviewed standfirst ${Date.now()}`;
  const saved = await editorRequest.patch(`/api/v1/newsroom/articles/${story.id}`, { data: { version: story.version, standfirst: unreviewed } });
  expect(saved.ok()).toBe(true);
  // Longer than the tier's lifetime (1-2 s): every copy readers can get now was fetched after the save.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  for (const url of [page, `${tierUrl}/api/v1/content/articles/${story.slug}`, `${tierUrl}/feed.xml`]) {
    const text = await (await request.get(url)).text();
    expect(text, url).not.toContain(unreviewed);
  }
  expect(await (await request.get(page)).text()).toContain("A story for the checkers.");
});

test("a story an editor pins leads the front page through the tier within a second, the page kept hot by readers", async ({ browser, request }) => {
  const leadOf = async () => /href="\/articles\/([^"]+)"/.exec(await (await request.get(`${tierUrl}/`)).text())?.[1];
  const plan = await (await editorRequest.get("/api/v1/newsroom/front-page")).json();
  const older: { headline: string; slug: string } = plan.candidates.at(-1);
  expect(await leadOf()).not.toBe(older.slug);
  expect(await leadOf()).not.toBe(older.slug); // hot: served from the tier

  const editor = await signedInPage(browser, "editor@example.com");
  await editor.getByRole("link", { name: "Front page" }).click();
  await editor.getByLabel("Pin a published story").selectOption({ label: older.headline });
  await editor.getByRole("button", { name: "Pin", exact: true }).click();
  await expect(editor.getByRole("list", { name: "Pinned stories" })).toContainText(`Lead${older.headline}`);
  await editor.getByRole("button", { name: "Save front page" }).click();
  await expect(editor.getByRole("status")).toHaveText("Saved: readers now get this order.");
  const saved = Date.now();
  let lead = await leadOf();
  while (lead !== older.slug && Date.now() - saved < 1_000) lead = await leadOf();
  expect(lead, "the pinned story leads within a second").toBe(older.slug);

  // Unpinned, the newest story leads again.
  await editor.getByRole("button", { name: "Unpin" }).click();
  await editor.getByRole("button", { name: "Save front page" }).click();
  await expect(editor.getByRole("status")).toHaveText("Saved: the front page is newest first.");
  await expect.poll(leadOf, { timeout: 2_000 }).not.toBe(older.slug);
});

/*
 * Issue #26: on a phone, through the tier, the seeded article (a hero photo), the front page and a section page.
 * Asserted here, because no machine's load changes them: nothing shifts (CLS 0), and the image a 390 px phone
 * fetches for the largest paint is under 100 KB. Printed, and kept by `npm run bench` (which measures the same way
 * on a quiet machine): Lighthouse's mobile performance score and LCP, whose goals (≥ 99, < 2 s) are speed, and speed
 * lives in the bench — Lighthouse's simulated throttling scales the CPU work it observed, so a loaded machine only
 * makes a page look slower. Each run waits for an idle CPU (20 s at most), each page is measured up to four times
 * and the best run counts. It comes last: a miss here skips none of the checks above (the file runs serially).
 */
test("every reader page on a phone: nothing shifts and the largest paint's image is under 100 KB at 390 px; Lighthouse mobile's score and LCP printed", async ({ playwright, launchOptions }, testInfo) => {
  // At worst 3 pages × 4 runs × (20 s waiting for an idle CPU + a run), and the warm-up and phone looks.
  test.setTimeout(900_000);
  const seeded = slugify(ARTICLES.find((article) => article.state === "PUBLISHED")!.headline);
  // The front page as the seeded newsroom has it, a photo leading: other specs' stories (this file's own are
  // text-only) would otherwise lead it, and what leads decides what the largest paint is.
  const seededId = (await (await editorRequest.get(`/api/v1/content/articles/${seeded}`)).json()).id as string;
  const plan = await (await editorRequest.get("/api/v1/newsroom/front-page")).json();
  const pinned = (plan.pinned as { id: string }[]).map((story) => story.id);
  expect((await editorRequest.put("/api/v1/newsroom/front-page", { data: { articleIds: [seededId] } })).ok()).toBe(true);
  try {
    const targets = [
      { name: "seeded article", path: `/articles/${seeded}` },
      { name: "front page", path: "/" },
      { name: "section", path: "/sections/world" },
    ];
    const keepReport = (name: string, lhr: object) => testInfo.attach(`lighthouse-${name.replace(/\W+/g, "-")}.json`, { body: JSON.stringify(lhr), contentType: "application/json" });
    const measured = await measureReaderPages(playwright.chromium, launchOptions, tierUrl, targets, { keepReport });
    const report = measured.map(describeVitals).join("\n");
    console.log(`Reader pages on a phone, through the tier (${loadAverage()}):\n${report}`);
    await testInfo.attach("reader-vitals.json", { body: JSON.stringify(measured, null, 2), contentType: "application/json" });
    const misses = measured.flatMap(({ name, lighthouse: lh, phone }) => [
      ...(lh.cls <= PHONE_GOALS.cls ? [] : [`${name}: CLS ${lh.cls.toFixed(3)} > 0`]),
      ...(!phone.lcpImage || phone.lcpImage.bytes < PHONE_GOALS.lcpImageBytes
        ? []
        : [`${name}: the LCP image at ${PHONE.viewport.width} px (DPR ${PHONE.deviceScaleFactor}) is ${kb(phone.lcpImage.bytes)} ≥ ${kb(PHONE_GOALS.lcpImageBytes)}`]),
    ]);
    expect(misses).toEqual([]);
  } finally {
    expect((await editorRequest.put("/api/v1/newsroom/front-page", { data: { articleIds: pinned } })).ok()).toBe(true);
  }
});
