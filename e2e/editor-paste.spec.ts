import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { signIn, signedInPage } from "./support";

interface DocNode {
  type: string;
  text?: string;
  marks?: { type: string; attrs?: { href?: string } }[];
  content?: DocNode[];
  attrs?: Record<string, string>;
}
const textOf = (node: DocNode): string => node.text ?? (node.content ?? []).map(textOf).join("");
const linksIn = (node: DocNode): { text: string; href: string }[] => [
  ...(node.marks ?? []).filter((mark) => mark.type === "link").map((mark) => ({ text: node.text ?? "", href: mark.attrs?.href ?? "" })),
  ...(node.content ?? []).flatMap(linksIn),
];

async function newStory(page: Page, headline: string) {
  const created = await (await page.request.post("/api/v1/newsroom/articles", { data: { headline: `${headline} ${Date.now()}` } })).json();
  await page.goto(`/newsroom/articles/${created.id}`);
  return created.id as string;
}

async function savedBody(page: Page, id: string): Promise<DocNode> {
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved/, { timeout: 15_000 });
  return (await (await page.request.get(`/api/v1/newsroom/articles/${id}`)).json()).body;
}

/** axe's serious and critical findings inside one part of the page (the rest of the editor is judged by the accessibility spec). */
async function seriousAxeIn(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations.filter(({ impact }) => impact === "serious" || impact === "critical").map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

const pngOf = async (colour: string) =>
  sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><rect width="640" height="400" fill="${colour}"/></svg>`))
    .png()
    .toBuffer();

test.describe("pasting images", () => {
  // Where the pasted images point: any request here — from the browser or from our server — is a fetch that must not happen.
  let imageHost: Server;
  let hits: string[];
  test.beforeEach(async () => {
    hits = [];
    imageHost = createServer((request, response) => {
      hits.push(request.url ?? "");
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => imageHost.listen(0, "127.0.0.1", resolve));
  });
  test.afterEach(() => new Promise<void>((resolve) => imageHost.close(() => resolve())));

  test("a pasted image is left out and named, with 'upload it with Image', and never fetched", async ({ browser }) => {
    // The page's CSP (img-src 'self') would block a fetch of the image before the network, so the request listener
    // below would see nothing even if the editor put the <img> in the page: bypassed here, so only the editor stands between.
    const context = await browser.newContext({ bypassCSP: true, permissions: ["clipboard-read", "clipboard-write"] });
    const reporter = await context.newPage();
    await signIn(reporter, "reporter@example.com");
    const origin = `http://127.0.0.1:${(imageHost.address() as AddressInfo).port}`;
    const requested: string[] = [];
    reporter.on("request", (request) => void (request.url().startsWith(origin) && requested.push(request.url())));
    const id = await newStory(reporter, "Pasted photo story");
    const body = reporter.getByRole("textbox", { name: "Body" });
    await body.click();

    // As a person pastes: what a web page put on the clipboard, then Ctrl+V (Chromium's own paste event).
    const paste = async (html: string) => {
      await reporter.evaluate(
        (html) =>
          navigator.clipboard.write([
            new ClipboardItem({
              "text/html": new Blob([html], { type: "text/html" }),
              "text/plain": new Blob([new DOMParser().parseFromString(html, "text/html").body.textContent ?? ""], { type: "text/plain" }),
            }),
          ]),
        html,
      );
      await reporter.keyboard.press("Control+V");
    };

    // Copied from a web page: text, a photo with alt text inside a <picture>, more text.
    await paste(
      `<p>The harbour at dawn.</p><picture><source srcset="${origin}/photos/harbour.webp"><img src="${origin}/photos/harbour.jpg" alt="Harbour at dawn"></picture><p>Boats came in.</p>`,
    );
    const notice = reporter.getByRole("status").filter({ hasText: "left out" });
    await expect(notice).toHaveText('The pasted image "Harbour at dawn" was left out: upload it with Image.');

    // One without alt text is named by its file name.
    await reporter.keyboard.press("Control+End");
    await paste(`<p>Then the ferry.<img src="${origin}/photos/ferry%20deck.png"></p>`);
    await expect(notice).toHaveText('The pasted image "ferry deck.png" was left out: upload it with Image.');

    const saved = await savedBody(reporter, id);
    expect(textOf(saved)).toContain("The harbour at dawn.");
    expect(textOf(saved)).toContain("Boats came in.");
    expect(textOf(saved)).toContain("Then the ferry.");
    expect(JSON.stringify(saved)).not.toContain(origin);
    expect(await body.locator("img").count()).toBe(0);
    expect(requested).toEqual([]);
    expect(hits).toEqual([]);

    // The control: had anything in the page loaded the image, both the listener and the image host would have seen it.
    await reporter.evaluate((src) => void (new Image().src = src), `${origin}/control.png`);
    await expect.poll(() => hits).toEqual(["/control.png"]);
    expect(requested).toEqual([`${origin}/control.png`]);
    await context.close();
  });

  test("a pasted image file is named, and can be uploaded as a photo from the notice", async ({ browser }) => {
    const reporter = await signedInPage(browser, "reporter@example.com");
    const id = await newStory(reporter, "Pasted file story");
    const body = reporter.getByRole("textbox", { name: "Body" });
    await body.click();
    await reporter.keyboard.type("Above the screenshot.");

    const png = (await pngOf("#2a6f97")).toString("base64");
    await body.evaluate((element, png) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], "screenshot.png", { type: "image/png" }));
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, png);
    const notice = reporter.getByRole("status").filter({ hasText: "left out" });
    await expect(notice).toContainText('The pasted image "screenshot.png" was left out: upload it with Image.');

    await notice.getByRole("button", { name: "Upload the pasted image" }).click();
    await expect(reporter.getByText("Image file: screenshot.png (pasted)")).toBeVisible();
    await reporter.getByLabel("Image alt text").fill("The dashboard");
    await reporter.getByRole("button", { name: "Insert image" }).click();
    await expect(reporter.locator("figure[data-figure] img")).toHaveAttribute("alt", "The dashboard");

    const saved = await savedBody(reporter, id);
    expect(saved.content?.map((node) => node.type).slice(0, 2)).toEqual(["paragraph", "figure"]);
    expect(saved.content?.[1]?.attrs?.src).toMatch(/^\/media\//);
  });
});

test("Ctrl+K opens an inline Link box: Enter links, a bad address is refused and changes nothing, Escape returns to the body", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const dialogs: string[] = [];
  reporter.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const id = await newStory(reporter, "Link box story");
  const body = reporter.getByRole("textbox", { name: "Body" });
  await body.click();
  await reporter.keyboard.type("Read the report");
  await reporter.keyboard.press("Shift+Home");

  // Keyboard only: Ctrl+K, type, Enter.
  await reporter.keyboard.press("Control+k");
  const box = reporter.getByRole("form", { name: "Link" });
  const address = box.getByLabel("Link address");
  await expect(address).toBeFocused();
  await expect(address).toHaveAccessibleName("Link address");
  await reporter.keyboard.type("www.example.org/report");
  await reporter.keyboard.press("Enter");
  await expect(box).toHaveCount(0);
  await expect(body).toBeFocused();
  await expect(body.locator("a")).toHaveAttribute("href", "https://www.example.org/report");
  await expect(body.locator("a")).toHaveText("Read the report");

  // A bad address: a clear error, the box stays, nothing changes; Escape closes it and gives the body the focus back.
  await reporter.keyboard.press("End");
  await reporter.keyboard.press("Enter");
  await reporter.keyboard.type("and the notes");
  await reporter.keyboard.press("Shift+Home");
  await reporter.keyboard.press("Control+k");
  await expect(address).toBeFocused();
  await reporter.keyboard.type("javascript:alert(1)");
  await reporter.keyboard.press("Enter");
  await expect(box.getByRole("alert")).toHaveText('"javascript:alert(1)" cannot be a link: not a web, email, phone or site link.');
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expect(address).toHaveAccessibleDescription(/Enter applies, Escape cancels\. "javascript:alert\(1\)" cannot be a link/);
  expect(await seriousAxeIn(reporter, 'form[aria-label="Link"]')).toEqual([]);
  await expect(body.locator("a")).toHaveCount(1);
  await reporter.keyboard.press("Escape");
  await expect(box).toHaveCount(0);
  await expect(body).toBeFocused();
  // The selection survived the box: typing replaces it.
  await reporter.keyboard.type("and the appendix");

  // With the caret in a link, the box edits that link; Remove takes it off, keeping the text.
  await reporter.keyboard.press("Control+Home");
  await reporter.keyboard.press("ArrowRight");
  await reporter.keyboard.press("Control+k");
  await expect(address).toHaveValue("https://www.example.org/report");
  await reporter.keyboard.press("Control+a");
  await reporter.keyboard.type("https://example.org/full-report");
  await reporter.keyboard.press("Enter");
  await expect(body.locator("a")).toHaveAttribute("href", "https://example.org/full-report");
  await expect(body.locator("a")).toHaveText("Read the report");

  // The toolbar's Link button opens the same box; with nothing selected the address becomes the link's text.
  await reporter.keyboard.press("Control+End");
  await reporter.keyboard.type(" at ");
  await reporter.getByRole("button", { name: "Link", exact: true }).click();
  await expect(address).toBeFocused();
  await reporter.keyboard.type("/sections/harbour");
  await reporter.keyboard.press("Enter");
  await reporter.keyboard.type(" today");

  let saved = await savedBody(reporter, id);
  expect(linksIn(saved)).toEqual([
    { text: "Read the report", href: "https://example.org/full-report" },
    { text: "/sections/harbour", href: "/sections/harbour" },
  ]);
  expect(textOf(saved)).toContain("and the appendix at /sections/harbour today");

  await reporter.keyboard.press("Control+Home");
  await reporter.keyboard.press("ArrowRight");
  await reporter.keyboard.press("Control+k");
  await reporter.keyboard.press("Tab"); // Update link
  await reporter.keyboard.press("Tab"); // Remove link
  await expect(box.getByRole("button", { name: "Remove link" })).toBeFocused();
  await reporter.keyboard.press("Enter");
  await expect(box).toHaveCount(0);
  await expect(body.locator("a")).toHaveCount(1);
  saved = await savedBody(reporter, id);
  expect(textOf(saved)).toContain("Read the report");

  // Going back to the text closes the box.
  await reporter.keyboard.press("Control+k");
  await expect(address).toBeFocused();
  await body.getByText("Read the report").click();
  await expect(box).toHaveCount(0);
  await expect(body).toBeFocused();
  expect(dialogs).toEqual([]);
});

test("a photo inserted with the caret mid-paragraph goes after the paragraph, which stays whole", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const id = await newStory(reporter, "Photo placement story");
  const body = reporter.getByRole("textbox", { name: "Body" });
  await body.click();
  await reporter.keyboard.type("The ferry left at noon.");
  await reporter.keyboard.press("Enter");
  await reporter.keyboard.type("- first item");
  await reporter.keyboard.press("Enter");
  await reporter.keyboard.type("second item");
  await reporter.keyboard.press("Enter");
  await reporter.keyboard.press("Enter");
  await reporter.keyboard.type("After the list.");
  // The caret mid-sentence in the first paragraph, after "The ferry ".
  await reporter.keyboard.press("Control+Home");
  for (let i = 0; i < "The ferry ".length; i += 1) await reporter.keyboard.press("ArrowRight");

  const insertPhoto = async (alt: string, colour: string) => {
    await reporter.getByRole("button", { name: "Image", exact: true }).click();
    await reporter.getByLabel("Image file").setInputFiles({ name: `${alt}.png`, mimeType: "image/png", buffer: await pngOf(colour) });
    await reporter.getByLabel("Image alt text").fill(alt);
    await reporter.getByRole("button", { name: "Insert image" }).click();
    await expect(reporter.locator(`figure[data-figure] img[alt="${alt}"]`)).toBeVisible();
  };
  // The photo fields by keyboard: opening puts the focus in the first field; Escape closes and gives the body the focus back, caret unmoved.
  await reporter.getByRole("button", { name: "Image", exact: true }).click();
  await expect(reporter.getByLabel("Image file")).toBeFocused();
  expect(await seriousAxeIn(reporter, 'form[aria-label="Image"]')).toEqual([]);
  await reporter.keyboard.press("Escape");
  await expect(reporter.getByRole("form", { name: "Image" })).toHaveCount(0);
  await expect(body).toBeFocused();

  await insertPhoto("The ferry", "#4f9b6a");
  // The caret is still where it was: typing goes on inside the sentence.
  await reporter.keyboard.type("quietly ");

  // Inside a list item: the photo goes after the whole list.
  await body.getByText("first item").click();
  await insertPhoto("The list", "#9b4f6a");

  const saved = await savedBody(reporter, id);
  const blocks = (saved.content ?? []).map((node) => (node.type === "figure" ? `figure: ${node.attrs?.alt}` : `${node.type}: ${textOf(node)}`));
  expect(blocks.slice(0, 5)).toEqual(["paragraph: The ferry quietly left at noon.", "figure: The ferry", "bulletList: first itemsecond item", "figure: The list", "paragraph: After the list."]);
});
