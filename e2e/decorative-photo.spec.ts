import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { signedInPage } from "./support";

/* Issue #25: "every photo has alt text or is marked decorative" — the mark, ticked in the editor. */

test("a photo is marked decorative in the Image form and in place; one without alt text blocks the last look until it is; readers then get alt=\"\"", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const editor = await signedInPage(browser, "editor@example.com");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><rect width="640" height="400" fill="#5f7a8a"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const media = await (await editor.request.post("/api/v1/newsroom/media", { multipart: { file: { name: "texture.png", mimeType: "image/png", buffer: png } } })).json();
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "The harbour wall gets a new coat of paint." }] },
      { type: "figure", attrs: { src: media.url, alt: "", caption: "", credit: "" } },
    ],
  };
  const created = await (await editor.request.post("/api/v1/newsroom/articles", { data: { headline: `Decorative photo ${Date.now()}`, standfirst: "A texture between paragraphs.", body } })).json();
  await editor.goto(`/newsroom/articles/${created.id}`);
  const figure = editor.locator("figure[data-figure]");
  const decorativeBox = "Decorative (no alt text needed)";

  // The Image form: ticking the box clears and disables the alt text, and the form inserts without one.
  await editor.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Image", exact: true }).click();
  const imageForm = editor.getByRole("form", { name: "Image" });
  await imageForm.getByLabel("Image file").setInputFiles({ name: "rule.png", mimeType: "image/png", buffer: png });
  await imageForm.getByLabel("Image alt text").fill("A grey rule");
  await imageForm.getByLabel(decorativeBox).check();
  await expect(imageForm.getByLabel("Image alt text")).toHaveValue("");
  await expect(imageForm.getByLabel("Image alt text")).toBeDisabled();
  await imageForm.getByRole("button", { name: "Insert image" }).click();
  await expect(figure).toHaveCount(2);
  await expect(figure.getByRole("checkbox", { name: decorativeBox, checked: true })).toHaveCount(1);

  // The last look runs the newsroom's checks on the saved version: the photo without alt text blocks publishing.
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  const warning = editor.getByRole("alert").filter({ hasText: "1 photo has no alt text and is not marked decorative." });
  await expect(warning).toBeVisible();
  await expect(editor.getByRole("button", { name: "Confirm publish" })).toBeDisabled();
  await editor.locator("form").filter({ has: editor.getByRole("button", { name: "Confirm publish" }) }).getByRole("button", { name: "Cancel" }).click();

  // Marked decorative in place, on the photo that has no alt text: saved, the check passes and the warning is gone.
  const undescribed = figure.filter({ has: editor.getByRole("checkbox", { name: decorativeBox, checked: false }) });
  await undescribed.getByLabel(decorativeBox).check();
  await expect(figure.getByLabel("Photo alt text").first()).toBeDisabled();
  await expect(figure.getByLabel("Photo alt text").last()).toBeDisabled();
  await expect(editor.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editor.getByTestId("check-altText")).toHaveAttribute("data-outcome", "pass");
  await expect(warning).toHaveCount(0);
  await editor.getByRole("button", { name: "Confirm publish" }).click();
  await expect(editor.getByTestId("status-badge").first()).toHaveText("Published");

  const saved = await (await editor.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  const photos = (saved.body.content as { type: string; attrs?: Record<string, unknown> }[]).filter((node) => node.type === "figure").map((node) => node.attrs);
  expect(photos).toEqual([expect.objectContaining({ decorative: true, alt: "" }), expect.objectContaining({ decorative: true, alt: "" })]);
  const page = await (await request.get(`/articles/${saved.slug}`)).text();
  expect(page.match(/<img [^>]*src="\/media\/images\/[a-f0-9]{32}\/[^"]+"[^>]* alt=""[^>]*>/g)).toHaveLength(2);

  // The mark comes back with the story.
  await editor.reload();
  await expect(editor.getByRole("checkbox", { name: decorativeBox, checked: true })).toHaveCount(2);
});
