import { expect, test } from "@playwright/test";
import { formatDateTime } from "@/lib/format";
import { dayOf, instantOfWallTime, wallTimeOf } from "@/lib/time-zone";
import { E2E_TIME_ZONE, invitePerson, signedInPage } from "./support";

test("an editor assigns a story with a deadline; the reporter finds it in the inbox, writes it, and sees it overdue on the budget — times in the newsroom's zone", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@example.com");
  const person = await invitePerson(browser, admin, "Reporter");
  const editor = await signedInPage(browser, "editor@example.com");

  // An hour ago in the newsroom (New York), typed as a desk editor types it; the browser itself runs in UTC.
  const deadline = wallTimeOf(new Date(Date.now() - 3_600_000), E2E_TIME_ZONE);
  const deadlineShown = formatDateTime(instantOfWallTime(deadline, E2E_TIME_ZONE), E2E_TIME_ZONE);
  expect(deadlineShown).toMatch(/ E[SD]T$/);
  const slugLine = `harbour-dredging-${Date.now()}`;

  await editor.getByRole("link", { name: "Budget" }).click();
  const plan = editor.getByRole("form", { name: "Plan a story" });
  await plan.getByLabel("Slug line").fill(slugLine);
  await plan.getByLabel("Section").selectOption({ label: "Business" });
  await plan.getByLabel("Reporter").selectOption({ label: person.name });
  await plan.getByLabel("Editor").selectOption({ label: "Dana Whitfield" });
  await plan.getByLabel(/^Deadline/).fill(deadline);
  await plan.getByRole("button", { name: "Plan story" }).click();
  await expect(plan.getByRole("status")).toHaveText("Story planned. deadline: the deadline has already passed.");

  // The reporter: one unread notice, naming the story and the deadline in newsroom time.
  const reporter = await signedInPage(browser, person.email, person.password);
  await reporter.getByRole("link", { name: "Inbox, 1 unread" }).click();
  const notice = reporter.getByRole("list", { name: "Notifications" }).getByRole("listitem").filter({ hasText: slugLine });
  await expect(notice).toContainText(`Dana Whitfield assigned “${slugLine}” to you, due ${deadlineShown}.`);
  await notice.getByRole("button", { name: "Mark read" }).click();
  await expect(reporter.getByRole("link", { name: "Inbox, 0 unread" })).toBeVisible();
  await expect(reporter.getByTestId("inbox-unread")).toHaveText("0 unread");

  // The story is theirs: in My drafts under its slug line, open to write, with its plan and a live word count.
  await reporter.getByRole("link", { name: "Dashboard" }).click();
  await reporter.getByRole("region", { name: /^My drafts/ }).getByRole("link", { name: slugLine }).click();
  await expect(reporter.getByRole("region", { name: "Plan" })).toContainText(deadlineShown);
  await reporter.getByLabel("Headline", { exact: true }).fill("Harbour dredging starts next week");
  await reporter.getByRole("textbox", { name: "Body" }).click();
  await reporter.keyboard.type("Dredgers arrive on Monday to deepen the channel.");
  await expect(reporter.getByTestId("length")).toHaveText("8 words · 1 min read");
  await expect(reporter.getByTestId("save-state")).toHaveText(/^Saved \d\d:\d\d E[SD]T$/);

  // On the budget for the deadline's day: with its reporter, editor and word count, overdue in red.
  await reporter.goto(`/newsroom/budget?date=${dayOf(instantOfWallTime(deadline, E2E_TIME_ZONE), E2E_TIME_ZONE)}`);
  const row = reporter.getByRole("region", { name: "Business" }).getByTestId("budget-story").filter({ hasText: slugLine });
  await expect(row).toContainText(person.name);
  await expect(row).toContainText("Dana Whitfield");
  await expect(row).toContainText("8");
  await expect(row.getByText("Overdue")).toBeVisible();
  await expect(row).toContainText(deadlineShown);

  // Filed for review, it is no longer overdue, and the story's editor hears of it.
  await reporter.goto("/newsroom");
  await reporter.getByRole("region", { name: /^My drafts/ }).getByRole("link", { name: "Harbour dredging starts next week" }).click();
  await reporter.getByRole("button", { name: "Submit for review" }).click();
  await expect(reporter.getByTestId("status-badge").first()).toHaveText("In review");
  await editor.goto("/newsroom/inbox");
  await expect(editor.getByRole("list", { name: "Notifications" }).getByRole("listitem").filter({ hasText: `${person.name} submitted “${slugLine}” for review.` })).toHaveAttribute("data-unread", "true");
  await reporter.goto(`/newsroom/budget?date=${dayOf(instantOfWallTime(deadline, E2E_TIME_ZONE), E2E_TIME_ZONE)}`);
  await expect(reporter.getByTestId("budget-story").filter({ hasText: slugLine }).getByText("Overdue")).toHaveCount(0);
});
