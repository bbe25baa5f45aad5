import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

/**
 * Issue #22, item 5, through the production build: share links need the
 * right to edit, are listed with who made them and revoked one by one, and
 * end with the story's withdrawal (unpublish, archive).
 */
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const api = (id: string) => `/api/v1/newsroom/articles/${id}`;

test("a reporter cannot share another reporter's live story; nothing is made", async ({ browser }) => {
  test.slow(); // three people sign in (each a deliberately slow password hash) beside the other specs
  const reporter = await signedInPage(browser, "reporter@example.com");
  const editor = await signedInPage(browser, "editor@example.com");
  const outsider = await signedInPage(browser, "reporter2@example.com");
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Pier inquiry ${Date.now()}`, body: doc("Live words.") } })).json();
  expect((await editor.request.post(`${api(created.id)}/transitions`, { data: { action: "publish", version: created.version } })).ok()).toBe(true);

  expect((await outsider.request.post(`${api(created.id)}/previews`, { data: {} })).status()).toBe(403);
  expect((await outsider.request.get(`${api(created.id)}/previews`)).status()).toBe(403);
  expect((await outsider.request.delete(`${api(created.id)}/previews`)).status()).toBe(403);
  expect((await (await editor.request.get(`${api(created.id)}/previews`)).json()).links).toEqual([]);

  // The editor page draws no share panel for someone who may not edit the story.
  await outsider.goto(`/newsroom/articles/${created.id}`);
  await expect(outsider.getByTestId("save-state")).toBeVisible();
  await expect(outsider.getByRole("button", { name: "Share preview link" })).toHaveCount(0);
  await reporter.goto(`/newsroom/articles/${created.id}`);
  await expect(reporter.getByRole("button", { name: "Share preview link" })).toBeVisible();
});

test("the editor lists a story's links with their makers; one is revoked alone; unpublishing ends the rest", async ({ browser, request }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const editor = await signedInPage(browser, "editor@example.com");
  const headline = `Ferry contract ${Date.now()}`;
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline, body: doc("Draft words.") } })).json();
  const byEditor = await (await editor.request.post(`${api(created.id)}/previews`, { data: {} })).json();

  await reporter.goto(`/newsroom/articles/${created.id}`);
  const list = reporter.getByRole("list", { name: "Share links" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("listitem")).toContainText("Dana Whitfield");
  await reporter.getByRole("button", { name: "Share preview link" }).click();
  const url = (await reporter.getByTestId("preview-url").textContent())!;
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").first()).toContainText("Maya Okafor");

  // The API lists both, never a token.
  const listed = await (await reporter.request.get(`${api(created.id)}/previews`)).json();
  expect(listed.links.map((link: { createdBy: { name: string } }) => link.createdBy.name)).toEqual(["Maya Okafor", "Dana Whitfield"]);
  expect(Object.keys(listed.links[0]).sort()).toEqual(["createdAt", "createdBy", "expiresAt", "id"]);
  const text = JSON.stringify(listed);
  expect(text).not.toContain(url.split("/preview/")[1]);
  expect(text).not.toContain(byEditor.url.split("/preview/")[1]);

  // Revoking the editor's link leaves the reporter's working.
  await list.getByRole("listitem").filter({ hasText: "Dana Whitfield" }).getByRole("button", { name: "Revoke" }).click();
  await expect(reporter.getByRole("status").filter({ hasText: "Revoked the link Dana Whitfield made." })).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  expect((await request.get(byEditor.url)).status()).toBe(404);
  expect((await request.get(url)).status()).toBe(200);
  expect((await reporter.request.delete(`${api(created.id)}/previews/${byEditor.id}`)).status()).toBe(404);

  // Published, then unpublished: the link ends with the story.
  const published = await editor.request.post(`${api(created.id)}/transitions`, { data: { action: "publish", version: created.version } });
  expect(published.ok()).toBe(true);
  expect((await request.get(url)).status()).toBe(200);
  expect((await editor.request.post(`${api(created.id)}/transitions`, { data: { action: "unpublish", note: "Legal hold." } })).ok()).toBe(true);
  expect((await request.get(url)).status()).toBe(404);
  expect((await (await reporter.request.get(`${api(created.id)}/previews`)).json()).links).toEqual([]);
});

test("archiving a story ends its links, and nobody may share it while archived", async ({ browser, request }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Archive me ${Date.now()}`, body: doc("Words.") } })).json();
  const link = await (await editor.request.post(`${api(created.id)}/previews`, { data: {} })).json();
  expect((await request.get(link.url)).status()).toBe(200);
  expect((await editor.request.post(`${api(created.id)}/transitions`, { data: { action: "archive" } })).ok()).toBe(true);
  expect((await request.get(link.url)).status()).toBe(404);
  expect((await editor.request.post(`${api(created.id)}/previews`, { data: {} })).status()).toBe(403);
  await editor.goto(`/newsroom/articles/${created.id}`);
  await expect(editor.getByTestId("save-state")).toBeVisible();
  await expect(editor.getByRole("button", { name: "Share preview link" })).toHaveCount(0);
});
