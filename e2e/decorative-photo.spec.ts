import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { signedInPage } from "./support";

/* Issue #25: "every photo has alt text or is marked decorative" — the mark, ticked in the editor. */

test("a body photo without alt text blocks the last look until it is marked decorative; readers then get alt=\"\"", async ({ browser, request }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><rect width="640" height="400" fill="#5f7a8a"/></svg>`;
  const media = await (await editor.request.post("/api/v1/newsroom/media", { multipart: { file: { name: "texture.png", mimeType: "image/png", buffer: await sharp(Buffer.from(svg)).png().toBuffer() } } })).json();
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "The harbour wall gets a new coat of paint." }] },
      { type: "figure", attrs: { src: media.url, alt: "", caption: "", credit: "" } },
    ],
  };
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Decorative photo ${Date.now()}`, standfirst: "A texture between paragraphs.", body } })).json();
  await editor.goto(`/newsroom/articles/${created.id}`);
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  const warning = editor.getByRole("alert").filter({ hasText: "1 photo in the body has no alt text." });
  await expect(warning).toBeVisible();
  await expect(editor.getByRole("button", { name: "Confirm publish" })).toBeDisabled();

  const figure = editor.locator("figure[data-figure]");
  await figure.getByLabel("Decorative (no alt text needed)").check();
  await expect(figure.getByLabel("Photo alt text")).toBeDisabled();
  await expect(warning).toHaveCount(0);
  await expect(editor.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });
  await editor.getByRole("button", { name: "Confirm publish" }).click();
  await expect(editor.getByTestId("status-badge").first()).toHaveText("Published");

  const saved = await (await editor.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  expect(saved.body.content[1].attrs).toMatchObject({ decorative: true, alt: "" });
  const page = await (await request.get(`/articles/${saved.slug}`)).text();
  expect(page).toMatch(/<img src="\/media\/images\/[a-f0-9]{32}\/[a-z0-9.]+" alt="" loading="lazy"\/>/);
});
