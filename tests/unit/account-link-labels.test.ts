import { describe, expect, it } from "vitest";
import { accountLinkLabels } from "@/app/newsroom/users/link-labels";

describe("the users page's link buttons", () => {
  it("say Send when the newsroom mails, and Create when it does not", () => {
    expect(accountLinkLabels({ canMail: true, activated: false, name: "Ada" })).toEqual({
      button: "Send invitation again",
      accessible: "Send invitation again to Ada",
      copy: "Copy the invitation link for Ada",
    });
    expect(accountLinkLabels({ canMail: true, activated: true, name: "Ada" }).accessible).toBe("Send password reset link to Ada");
    expect(accountLinkLabels({ canMail: false, activated: false, name: "Ada" })).toEqual({
      button: "Create new invitation link",
      accessible: "Create new invitation link for Ada",
      copy: "Copy the invitation link for Ada",
    });
    expect(accountLinkLabels({ canMail: false, activated: true, name: "Ada" })).toEqual({
      button: "Create password reset link",
      accessible: "Create password reset link for Ada",
      copy: "Copy the password reset link for Ada",
    });
  });

  it("keep the visible words at the start of the accessible name (what a voice-control user says)", () => {
    for (const canMail of [true, false]) {
      for (const activated of [true, false]) {
        const labels = accountLinkLabels({ canMail, activated, name: "Ada" });
        expect(labels.accessible.startsWith(labels.button)).toBe(true);
        expect(labels.button.startsWith(canMail ? "Send" : "Create")).toBe(true);
      }
    }
  });
});
