import { expect, test } from "@playwright/test";
import { formatDateTime, formatDay, formatTime } from "@/lib/format";
import { slugify } from "@/lib/slug";
import { addDays, dayOf, instantOfWallTime } from "@/lib/time-zone";
import { writtenWallTime } from "@/lib/written-time";
import { E2E_TIME_ZONE, signedInPage } from "./support";

test("the reporter's dashboard shows the due time in the newsroom zone; the story's top shows deadline, slot and brief; its address follows its headline", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor@example.com");
  // Tomorrow in the newsroom (New York); the browser runs in another zone.
  const tomorrow = addDays(dayOf(new Date(), E2E_TIME_ZONE), 1);
  const deadline = instantOfWallTime(`${tomorrow}T16:00`, E2E_TIME_ZONE);
  const slot = instantOfWallTime(`${tomorrow}T19:30`, E2E_TIME_ZONE);
  const due = `Due tomorrow ${formatTime(deadline, E2E_TIME_ZONE)}`;
  expect(due).toMatch(/^Due tomorrow 16:00 E[SD]T$/);
  const slugLine = `ferry-strike-${Date.now()}`;
  const brief = "Angle: what the strike costs commuters.\nCall: union rep Lena Park; the ferry company's press office.";

  await editor.goto("/newsroom/budget");
  const plan = editor.getByRole("form", { name: "Plan a story" });
  await plan.getByLabel("Slug line").fill(slugLine);
  await plan.getByLabel("Reporter", { exact: true }).selectOption({ label: "Maya Okafor" });
  // Typed the way the newsroom writes times ("8 Dec 2026, 16:00"), read in the newsroom's zone.
  await plan.getByLabel(/^Deadline/).fill(writtenWallTime(`${tomorrow}T16:00`));
  await plan.getByLabel(/^Planned slot/).fill(writtenWallTime(`${tomorrow}T19:30`));
  await plan.getByLabel("Brief").fill(brief);
  await plan.getByRole("button", { name: "Plan story" }).click();

  // The form empties for the next story, links to this one, and the budget moves to its day, where it is.
  await expect(plan.getByRole("status")).toHaveText("Story planned.");
  await expect(plan.getByRole("link", { name: `${slugLine} — open it` })).toBeVisible();
  await expect(plan.getByLabel("Slug line")).toHaveValue("");
  await expect(plan.getByLabel("Brief")).toHaveValue("");
  await expect(plan.getByLabel(/^Deadline/)).toHaveValue("");
  await expect(editor).toHaveURL(new RegExp(`date=${tomorrow}`));
  await expect(editor.getByTestId("budget-day")).toHaveText(formatDay(tomorrow));
  await expect(editor.getByTestId("budget-story").filter({ hasText: slugLine })).toContainText(formatDateTime(slot, E2E_TIME_ZONE));

  // The next story, from the emptied form: due yesterday morning and not filed, so overdue from the start.
  const yesterday = addDays(dayOf(new Date(), E2E_TIME_ZONE), -1);
  const lateDeadline = instantOfWallTime(`${yesterday}T09:00`, E2E_TIME_ZONE);
  const lateLine = `late-ferry-${Date.now()}`;
  await plan.getByLabel("Slug line").fill(lateLine);
  await plan.getByLabel("Reporter", { exact: true }).selectOption({ label: "Maya Okafor" });
  await plan.getByLabel(/^Deadline/).fill(writtenWallTime(`${yesterday}T09:00`));
  await plan.getByRole("button", { name: "Plan story" }).click();
  await expect(plan.getByRole("status")).toHaveText("Story planned. deadline: the deadline has already passed.");
  await expect(plan.getByRole("link", { name: `${lateLine} — open it` })).toBeVisible();
  await expect(editor).toHaveURL(new RegExp(`date=${yesterday}`));
  await expect(editor.getByTestId("budget-story").filter({ hasText: lateLine })).toContainText("Overdue");

  // The reporter's dashboard rows: when each is due, in newsroom time, and the brief's first words.
  const reporter = await signedInPage(browser, "reporter@example.com");
  const myDrafts = reporter.getByRole("region", { name: /^My drafts/ });
  const row = myDrafts.getByRole("listitem").filter({ has: reporter.getByRole("link", { name: slugLine }) });
  await expect(row.getByTestId("due")).toHaveText(due);
  await expect(row.getByTestId("due")).toHaveAttribute("data-overdue", "false");
  const lateRow = myDrafts.getByRole("listitem").filter({ has: reporter.getByRole("link", { name: lateLine }) });
  await expect(lateRow.getByTestId("due")).toHaveText(`Overdue (due yesterday ${formatTime(lateDeadline, E2E_TIME_ZONE)})`);
  await expect(lateRow.getByTestId("due")).toHaveAttribute("data-overdue", "true");
  await expect(row.getByTestId("brief-excerpt")).toContainText("Brief: Angle: what the strike costs commuters. Call: union rep");

  // The assignment notice carries the brief.
  await reporter.goto("/newsroom/inbox");
  await expect(reporter.getByRole("list", { name: "Notifications" }).getByRole("listitem").filter({ hasText: slugLine })).toContainText("Call: union rep Lena Park");

  // The story's top: deadline, slot, who has it, and the whole brief.
  await reporter.goto("/newsroom");
  await row.getByRole("link", { name: slugLine }).click();
  const top = reporter.getByRole("region", { name: "Assignment" });
  await expect(top.getByTestId("due")).toHaveText(due);
  await expect(top.getByTestId("plan-slot")).toHaveText(`Slot ${formatDateTime(slot, E2E_TIME_ZONE)}`);
  await expect(top).toContainText("Assigned to Maya Okafor");
  await expect(top.getByTestId("plan-brief")).toContainText("Call: union rep Lena Park; the ferry company's press office.");

  // Planned under a placeholder address, the story takes its headline's as it is typed, and keeps it.
  const slugField = reporter.getByLabel("Slug", { exact: true });
  await expect(slugField).toHaveValue(/^untitled-[0-9a-f]{8}$/);
  const headline = `Ferry strike halts island crossings ${Date.now()}`;
  await reporter.getByLabel("Headline", { exact: true }).fill(headline);
  await expect(slugField).toHaveValue(slugify(headline));
  await expect(reporter.getByTestId("save-state")).toHaveText(/^Saved \d\d:\d\d E[SD]T$/);
  const id = reporter.url().split("/").at(-1)!;
  expect((await (await reporter.request.get(`/api/v1/newsroom/articles/${id}`)).json()).slug).toBe(slugify(headline));
  await reporter.reload();
  await expect(slugField).toHaveValue(slugify(headline));

  // Once readers have had it, the address stays put when the headline changes: old links keep meaning it —
  // also in the editor that published it, without a reload.
  await editor.goto(`/newsroom/articles/${id}`);
  await editor.getByRole("button", { name: "Publish" }).click();
  await editor.getByRole("button", { name: "Confirm publish" }).click();
  await expect(editor.getByTestId("status-badge").first()).toHaveText("Published");
  await editor.getByLabel("Headline", { exact: true }).fill(`${headline}: talks resume`);
  await expect(editor.getByLabel("Slug", { exact: true })).toHaveValue(slugify(headline));
  await expect(editor.getByTestId("save-state")).toHaveText(/^Saved \d\d:\d\d E[SD]T$/);
  const published = await (await editor.request.get(`/api/v1/newsroom/articles/${id}`)).json();
  expect({ headline: published.headline, slug: published.slug }).toEqual({ headline: `${headline}: talks resume`, slug: slugify(headline) });
});
