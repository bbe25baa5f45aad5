import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { signedInPage } from "./support";

interface Mark {
  type: string;
  attrs?: { href?: string };
}
interface DocNode {
  type: string;
  text?: string;
  marks?: Mark[];
  content?: DocNode[];
}
const linksIn = (node: DocNode): { text: string; href: string }[] => [
  ...(node.marks ?? []).filter((mark) => mark.type === "link").map((mark) => ({ text: node.text ?? "", href: mark.attrs?.href ?? "" })),
  ...(node.content ?? []).flatMap(linksIn),
];

test("links never block a save: pasted and typed links are normalised, the rest stays as text", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Links story ${Date.now()}` } })).json();
  await reporter.goto(`/newsroom/articles/${created.id}`);
  const body = reporter.getByRole("textbox", { name: "Body" });
  await body.click();

  // A paragraph pasted from a web page, with every kind of link a page carries.
  await body.evaluate((element) => {
    const data = new DataTransfer();
    data.setData(
      "text/html",
      `<p>See <a href="#cite_note-3">note 3</a>, the <a href="//cdn.example/report.pdf">report</a>, <a href="tel:+44 20 7946 0000">the desk</a>, <a href="javascript:alert(1)">this</a> and <a href="https://example.org/source">the source</a>.</p>`,
    );
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(reporter.getByRole("status").filter({ hasText: "dropped" })).toContainText("#cite_note-3");

  // A bare address typed into the Link box.
  await reporter.keyboard.press("Control+End");
  await reporter.keyboard.press("Enter");
  await reporter.keyboard.type("More at the archive");
  await reporter.keyboard.press("Shift+Home");
  await reporter.getByRole("button", { name: "Link", exact: true }).click();
  await reporter.getByLabel("Link address").fill("www.example.org");
  await reporter.keyboard.press("Enter");

  await expect(reporter.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });
  const saved = await (await reporter.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  const links = linksIn(saved.body);
  expect(links.map((link) => link.href).sort()).toEqual(["https://example.org/source", "https://www.example.org", "tel:+44 20 7946 0000"]);
  const text = JSON.stringify(saved.body);
  for (const kept of ["note 3", "report", "this"]) expect(text).toContain(kept);
});

test("a photo in the body has its alt text, caption and credit edited in place, and typing never replaces it", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const created = await (await reporter.request.post("/api/v1/newsroom/articles", { data: { headline: `Photo story ${Date.now()}` } })).json();
  await reporter.goto(`/newsroom/articles/${created.id}`);
  await reporter.getByRole("textbox", { name: "Body" }).click();
  await reporter.keyboard.type("Before the photo.");
  await reporter.getByRole("button", { name: "Image", exact: true }).click();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><rect width="640" height="400" fill="#4f9b6a"/></svg>`;
  await reporter.getByLabel("Image file").setInputFiles({ name: "field.png", mimeType: "image/png", buffer: await sharp(Buffer.from(svg)).png().toBuffer() });
  await reporter.getByLabel("Image alt text").fill("A green field");
  await reporter.getByLabel("Image caption").fill("The field");
  await reporter.getByRole("button", { name: "Insert image" }).click();

  const photo = reporter.locator("figure[data-figure]");
  await expect(photo.locator("img")).toHaveAttribute("alt", "A green field");
  await photo.getByLabel("Photo caption").click();
  await reporter.keyboard.press("End");
  await reporter.keyboard.type(" at noon.");
  await photo.getByLabel("Photo credit").fill("Jo Lindqvist");
  // Clicking the photo itself and typing leaves it where it is.
  await photo.locator("img").click();
  await reporter.keyboard.type("xyz");
  await expect(photo).toHaveCount(1);

  await expect(reporter.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });
  const saved = await (await reporter.request.get(`/api/v1/newsroom/articles/${created.id}`)).json();
  const figure = (saved.body.content as { type: string; attrs?: Record<string, string> }[]).find((node) => node.type === "figure");
  expect(figure?.attrs).toMatchObject({ alt: "A green field", caption: "The field at noon.", credit: "Jo Lindqvist" });
});
