import { expect, request as playwrightRequest, test } from "@playwright/test";
import sharp from "sharp";
import { signedInPage } from "./support";

const STORY = `Harbour crane toppled by overnight storm

Crews clear the wreck at the port on Monday (Photo: AP)

A crane at the container port collapsed onto a moored cargo ship during the storm on Sunday night.

“It went over like a matchstick,” said Dana Ruiz, a crane operator.

No one was hurt.

Contact our news team by emailing us at news@example.com.
Previous article: Ferry timetable changes`;

test("a reporter imports pasted copy: sees the draft first, then edits it with its photo slot and source", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  await reporter.getByRole("link", { name: "Import", exact: true }).click();
  await reporter.getByLabel("The copy").fill(STORY);
  await reporter.getByRole("button", { name: "Preview the draft" }).click();

  const preview = reporter.getByRole("region", { name: "The draft it will make" });
  await expect(preview.getByTestId("preview-headline")).toHaveText("Harbour crane toppled by overnight storm");
  await expect(preview).toContainText("the line that reads like a headline");
  await expect(preview.getByTestId("preview-slot")).toHaveText("Photo slot: Crews clear the wreck at the port on Monday (credit: AP)");
  await expect(preview.getByTestId("preview-block")).toHaveText([
    "A crane at the container port collapsed onto a moored cargo ship during the storm on Sunday night.",
    "“It went over like a matchstick,” said Dana Ruiz, a crane operator.",
    "No one was hurt.",
  ]);
  await expect(preview.getByRole("list", { name: "Dropped" }).getByRole("listitem")).toHaveText(["Contact our news team by emailing us at news@example.com.", "Previous article: Ferry timetable changes"]);

  await preview.getByRole("button", { name: "Create the draft" }).click();
  await expect(reporter).toHaveURL(/\/newsroom\/articles\/\w+$/);
  await expect(reporter.getByLabel("Headline", { exact: true })).toHaveValue("Harbour crane toppled by overnight storm");
  await expect(reporter.getByTestId("source")).toContainText("Source: Imported by Maya Okafor");
  const slot = reporter.getByTestId("photo-slot");
  await expect(slot).toContainText("Photo to be added");
  await expect(reporter.getByLabel("Photo caption")).toHaveValue("Crews clear the wreck at the port on Monday");
  await expect(reporter.getByLabel("Photo credit")).toHaveValue("AP");
  await slot.getByRole("button", { name: "Remove slot" }).click();
  await expect(reporter.getByTestId("photo-slot")).toHaveCount(0);
  await expect(reporter.getByTestId("save-state")).toHaveText(/^Saved/);
});

test("a wire posts ninjs with a bearer token: ingest scope only, read scope only reads, revoked is refused", async ({ browser, baseURL }) => {
  const admin = await signedInPage(browser, "admin@example.com");
  await admin.getByRole("link", { name: "Settings" }).click();
  const makeToken = async (name: string, scope: "INGEST" | "READ") => {
    const form = admin.getByRole("form", { name: "New API token" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Scope").selectOption(scope);
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(admin.getByRole("status")).toContainText(`Token for ${name}`);
    return (await admin.getByTestId("new-token").textContent())!;
  };
  const tag = Date.now();
  const ingestToken = await makeToken(`AP ${tag}`, "INGEST");
  const readToken = await makeToken(`Reader ${tag}`, "READ");

  // No cookies here: a machine, not a browser.
  const machine = await playwrightRequest.newContext({ baseURL });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const item = {
    uri: `urn:wire:e2e:${tag}`,
    type: "text",
    headlines: [{ role: "main", value: `Gales close three ports ${tag}` }],
    by: "Jo Lindqvist",
    bodies: [{ role: "main", contenttype: "text/html", value: "<p>Three ports closed on Friday.</p><script>alert(1)</script>" }],
    associations: [{ name: "main", type: "picture", descriptions: [{ role: "caption", value: "Waves over the harbour wall." }], by: "AP Photo" }],
  };
  // A foreign Origin does not matter to a bearer request: no cookie rides on it.
  const created = await machine.post("/api/v1/newsroom/ingest", { headers: { ...bearer(ingestToken), Origin: "https://elsewhere.example" }, data: item });
  expect(created.status()).toBe(201);
  const draft = await created.json();
  expect(draft).toMatchObject({ status: "DRAFT", version: 1, headlineFrom: "ninjs", dropped: ["<script>"] });
  expect((await machine.post("/api/v1/newsroom/ingest", { headers: bearer(ingestToken), data: { ...item, headlines: [{ value: `Gales close four ports ${tag}` }] } })).status()).toBe(200);

  // Each token within its scope.
  expect((await machine.get("/api/v1/newsroom/articles", { headers: bearer(ingestToken) })).status()).toBe(403);
  const read = await machine.get(`/api/v1/newsroom/articles/${draft.id}`, { headers: bearer(readToken) });
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ headline: `Gales close four ports ${tag}`, source: { agency: `AP ${tag}`, id: item.uri } });
  expect((await machine.post("/api/v1/newsroom/ingest", { headers: bearer(readToken), data: item })).status()).toBe(403);
  expect((await machine.patch(`/api/v1/newsroom/articles/${draft.id}`, { headers: bearer(readToken), data: { version: 2, headline: "No" } })).status()).toBe(403);

  // Bad input: a JSON error naming the problem.
  const bad = async (headers: Record<string, string>, data: string | Buffer) => {
    const response = await machine.post("/api/v1/newsroom/ingest", { headers: { ...bearer(ingestToken), ...headers }, data });
    return { status: response.status(), message: (await response.json()).error.message as string };
  };
  expect(await bad({ "Content-Type": "text/plain" }, "")).toMatchObject({ status: 400, message: expect.stringContaining("empty") });
  expect(await bad({ "Content-Type": "text/plain" }, "x".repeat(201 * 1024))).toMatchObject({ status: 413 });
  expect(await bad({ "Content-Type": "application/xml" }, "<newsItem/>")).toMatchObject({ status: 415, message: expect.stringContaining("text/plain") });
  expect(await bad({ "Content-Type": "text/plain" }, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2e]))).toMatchObject({ status: 415, message: expect.stringContaining("UTF-8") });
  expect(await bad({ "Content-Type": "application/json" }, JSON.stringify({ headline: "x" }))).toMatchObject({ status: 400, message: expect.stringContaining("ninjs") });

  // The admin sees it used, revokes it; the next request is refused.
  await admin.reload();
  const row = admin.getByRole("list", { name: "API tokens" }).getByRole("listitem").filter({ hasText: `AP ${tag}` });
  await expect(row).toContainText("last used");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  expect((await machine.post("/api/v1/newsroom/ingest", { headers: bearer(ingestToken), data: item })).status()).toBe(401);
  expect((await machine.get("/api/v1/newsroom/articles", { headers: { Authorization: "Bearer cdk_not-a-token" } })).status()).toBe(401);

  // The history names the wire as the one who wrote the draft.
  await admin.goto(`/newsroom/articles/${draft.id}/history`);
  await expect(admin.getByTestId("source")).toContainText(`Source: AP ${tag}`);
  await expect(admin.getByText(`Wire: AP ${tag}`).first()).toBeVisible();
  await machine.dispose();

  // Published (the photo slot removed first), readers get the story's credit line: not the wire's user, not the agency.
  const story = await (await admin.request.get(`/api/v1/newsroom/articles/${draft.id}`)).json();
  const body = { ...story.body, content: story.body.content.filter((node: { type: string }) => node.type !== "figure") };
  const saved = await (await admin.request.patch(`/api/v1/newsroom/articles/${draft.id}`, { data: { version: story.version, body } })).json();
  expect((await admin.request.post(`/api/v1/newsroom/articles/${draft.id}/transitions`, { data: { action: "publish", version: saved.version } })).status()).toBe(200);
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${story.slug}`);
  await expect(reader.getByText("By Jo Lindqvist")).toBeVisible();
  await expect(reader.locator("main")).not.toContainText("Wire:");
  await expect(reader.locator("main")).not.toContainText(`AP ${tag}`);
  expect((await reader.request.get(`/authors/${story.author.id}`)).status()).toBe(404);
});

test("a .json file chosen on the Import page is read as a ninjs item", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  await editor.goto("/newsroom/import");
  const tag = Date.now();
  const item = {
    uri: `urn:wire:file:${tag}`,
    headline: `Museum reopens ${tag}`,
    description_text: "After two years of works.",
    body_html: "<p>The museum reopened on Saturday.</p><h2>What is new</h2><p>A gallery built by visitors.</p>",
    associations: { main: { type: "picture", description_text: "The new gallery.", byline: "Reuters" } },
  };
  await editor.getByLabel("Or choose a file").setInputFiles({ name: "museum.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(item)) });
  await expect(editor.getByText("museum.json")).toBeVisible();
  await editor.getByRole("button", { name: "Preview the draft" }).click();
  const preview = editor.getByRole("region", { name: "The draft it will make" });
  await expect(preview.getByTestId("preview-headline")).toHaveText(`Museum reopens ${tag}`);
  await expect(preview).toContainText("After two years of works.");
  await expect(preview.getByTestId("preview-slot")).toHaveText("Photo slot: The new gallery. (credit: Reuters)");
  await expect(preview.getByTestId("preview-block")).toHaveText(["The museum reopened on Saturday.", "What is new", "A gallery built by visitors."]);
  await preview.getByRole("button", { name: "Create the draft" }).click();
  await expect(editor.getByTestId("source")).toContainText(`Source: Imported by Dana Whitfield · id urn:wire:file:${tag}`);

  // Publishing waits for the slot's image.
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editor.getByRole("alert").filter({ hasText: "photo slot" })).toHaveText("1 photo slot has no image yet.");
  await expect(editor.getByRole("button", { name: "Confirm publish" })).toBeDisabled();
  await editor.getByRole("button", { name: "Cancel" }).click();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"><rect width="800" height="500" fill="#4f8a9b"/></svg>`;
  await editor.getByLabel("Add the image").setInputFiles({ name: "gallery.png", mimeType: "image/png", buffer: await sharp(Buffer.from(svg)).png().toBuffer() });
  await expect(editor.getByTestId("photo-slot")).toHaveCount(0);
  await expect(editor.locator("figure[data-figure] img")).toHaveAttribute("src", /^\/media\/images\//);
  await editor.getByLabel("Photo alt text").fill("A bright gallery with visitors' objects on shelves");
  await expect(editor.getByTestId("save-state")).toHaveText(/^Saved/);
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await editor.getByRole("button", { name: "Confirm publish" }).click();
  await expect(editor.getByTestId("status-badge").first()).toHaveText("Published");
});
