import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

/* Issue #25: ingest reads a press release's "Embargoed until …" line; the desk sees what it made of it before the draft is made. */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const release = (line: string) => `PRESS RELEASE

${line}

Harbour museum wins national award

The harbour museum has won the Museum of the Year award, the judges said on Monday.

It beat four others to the prize.`;

test("an imported press release's embargo line becomes the draft's embargo, and one that cannot be read stays in the copy with a note", async ({ browser }) => {
  const reporter = await signedInPage(browser, "reporter@example.com");
  const day = new Date(Date.now() + 3 * 86_400_000);
  const line = `EMBARGOED UNTIL 10:00 GMT ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
  await reporter.goto("/newsroom/import");
  await reporter.getByLabel("The copy").fill(release(line));
  await reporter.getByRole("button", { name: "Preview the draft" }).click();
  const preview = reporter.getByRole("region", { name: "The draft it will make" });
  await expect(preview.getByTestId("preview-headline")).toHaveText("Harbour museum wins national award");
  await expect(preview.getByRole("list", { name: "Notes" }).getByRole("listitem")).toHaveText([new RegExp(`^Embargoed until .*, from “${line}”\\.$`)]);
  await expect(preview.getByTestId("preview-block")).toHaveText(["The harbour museum has won the Museum of the Year award, the judges said on Monday.", "It beat four others to the prize."]);

  await preview.getByRole("button", { name: "Create the draft" }).click();
  await expect(reporter).toHaveURL(/\/newsroom\/articles\/\w+$/);
  const id = reporter.url().split("/").at(-1)!;
  const story = await (await reporter.request.get(`/api/v1/newsroom/articles/${id}`)).json();
  expect(new Date(story.embargoUntil).toISOString()).toBe(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10)).toISOString());

  await reporter.goto("/newsroom/import");
  await reporter.getByLabel("The copy").fill(release("Embargoed until the minister has spoken"));
  await reporter.getByRole("button", { name: "Preview the draft" }).click();
  await expect(preview.getByRole("list", { name: "Notes" }).getByRole("listitem")).toHaveText([/^The copy states an embargo \(“Embargoed until the minister has spoken”\) whose time could not be read .* set it by hand\.$/]);
  await expect(preview.getByTestId("preview-block").first()).toHaveText("Embargoed until the minister has spoken");
});
