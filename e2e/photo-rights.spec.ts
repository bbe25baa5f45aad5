import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { addDays, dayOf } from "@/lib/time-zone";
import { writtenDay } from "@/lib/written-time";
import { E2E_TIME_ZONE, signedInPage } from "./support";

/* Issue #26, item 5: a photo's rights, set beside its texts in the editor; a lapsed photo blocks the last look. */

test("an editor sets a photo's rights in the editor; lapsed, the last look blocks publishing until they are renewed; a day that is not a day is a 400", async ({ browser }) => {
  test.setTimeout(90_000);
  const editor = await signedInPage(browser, "editor@example.com");
  const upload = async () => {
    const shade = Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, "0");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><rect width="640" height="400" fill="#${shade}"/></svg>`;
    return (await editor.request.post("/api/v1/newsroom/media", { multipart: { file: { name: "quay.png", mimeType: "image/png", buffer: await sharp(Buffer.from(svg)).png().toBuffer() } } })).json();
  };
  const media = await upload();
  const inBody = await upload();
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "Boats came in at dawn." }] },
      { type: "figure", attrs: { src: inBody.url, alt: "Nets on the quay", caption: "Nets drying", credit: "" } },
    ],
  };
  const created = await (
    await editor.request.post("/api/v1/newsroom/articles", {
      data: { headline: `Photo rights ${Date.now()}`, standfirst: "The quay at dawn.", body, hero: { mediaId: media.id, alt: "Boats at the quay", caption: "The quay at dawn", credit: "" } },
    })
  ).json();

  // Over HTTP, a day that is not in the calendar is refused by name, and nothing changes.
  const refused = await editor.request.patch(`/api/v1/newsroom/media/${media.id}`, { data: { rightsExpireOn: "2027-02-30" } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error).toMatchObject({ code: "validation", field: "rightsExpireOn" });
  expect(await (await editor.request.get(`/api/v1/newsroom/media/${media.id}`)).json()).toMatchObject({ rightsExpireOn: null, usageNote: "" });

  await editor.goto(`/newsroom/articles/${created.id}`);
  // A body photo's rights, beside its texts in the body.
  const bodyRights = editor.locator("figure[data-figure]").getByRole("form", { name: "Photo rights" });
  await bodyRights.getByLabel("Rights expire on").fill(writtenDay(addDays(dayOf(new Date(), E2E_TIME_ZONE), 400)));
  await bodyRights.getByLabel("Usage note").fill("Staff photo.");
  await bodyRights.getByRole("button", { name: "Save photo rights" }).click();
  await expect(bodyRights.getByRole("status")).toHaveText("Photo rights saved.");
  expect(await (await editor.request.get(`/api/v1/newsroom/media/${inBody.id}`)).json()).toMatchObject({ usageNote: "Staff photo.", rightsLapsed: false });

  const rights = editor.getByRole("group", { name: "Hero image" }).getByRole("form", { name: "Photo rights" });
  const yesterday = addDays(dayOf(new Date(), E2E_TIME_ZONE), -1);
  await rights.getByLabel("Rights expire on").fill(writtenDay(yesterday));
  await rights.getByLabel("Usage note").fill("Agency pool: this story only.");
  await rights.getByRole("button", { name: "Save photo rights" }).click();
  await expect(rights.getByRole("status")).toHaveText("Photo rights saved.");
  await expect(rights.getByTestId("photo-rights-state")).toContainText("Rights lapsed on");
  expect(await (await editor.request.get(`/api/v1/newsroom/media/${media.id}`)).json()).toMatchObject({ rightsExpireOn: yesterday, usageNote: "Agency pool: this story only.", rightsLapsed: true });

  // The last look names the photo and blocks the publish.
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editor.getByTestId("check-photoRights")).toHaveAttribute("data-outcome", "block");
  await expect(editor.getByRole("alert").filter({ hasText: "the hero photo (“The quay at dawn”)" }).filter({ hasText: "replace it or renew its rights" })).toBeVisible();
  await expect(editor.getByRole("button", { name: "Confirm publish" })).toBeDisabled();
  await editor.locator("form").filter({ has: editor.getByRole("button", { name: "Confirm publish" }) }).getByRole("button", { name: "Cancel" }).click();

  // Renewed, keyboard only: the check passes and the story goes out.
  const renewed = addDays(dayOf(new Date(), E2E_TIME_ZONE), 60);
  await rights.getByLabel("Rights expire on").fill(writtenDay(renewed));
  await rights.getByLabel("Rights expire on").press("Enter");
  await expect(rights.getByTestId("photo-rights-state")).toContainText("Rights expire on");
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editor.getByTestId("check-photoRights")).toHaveAttribute("data-outcome", "pass");
  await editor.getByRole("button", { name: "Confirm publish" }).click();
  await expect(editor.getByTestId("status-badge").first()).toHaveText("Published");
});
