import { describe, expect, it } from "vitest";
import { lapseOf } from "@/lib/media/rights";
import { DEFAULT_CHECK_LEVELS, runBodyChecks, runChecks, type Candidate, type PhotoRights } from "@/lib/publishing/checks";

const settings = { levels: DEFAULT_CHECK_LEVELS, headlineMax: 100 };
const story = (photos: PhotoRights[], checkedAt: Date): Candidate => ({
  version: 1, headline: "H", body: { type: "doc", content: [] }, sectionId: null, heroImageId: null, heroAlt: "", description: "", needsLegalReview: false, legalClearedVersion: null, photos, checkedAt,
});
const hero = (lapsesAt: Date): PhotoRights => ({ mediaId: "m1", name: "the hero photo (“The quay”)", expiresOn: "2027-01-31", lapsesAt });
const photoRights = (candidate: Candidate) => runChecks(candidate, settings).find((check) => check.rule === "photoRights")!;

describe("the photo rights check", () => {
  it("lapses at the start of the expiry day in the newsroom's zone, not at midnight UTC", () => {
    expect(lapseOf("2027-01-31", "America/New_York").toISOString()).toBe("2027-01-31T05:00:00.000Z");
    expect(lapseOf("2027-07-31", "Europe/Berlin").toISOString()).toBe("2027-07-30T22:00:00.000Z");
  });

  it("passes until the moment of the lapse, then blocks naming the photo and the day", () => {
    const lapse = lapseOf("2027-01-31", "America/New_York");
    expect(photoRights(story([hero(lapse)], new Date(lapse.getTime() - 1)))).toMatchObject({ outcome: "pass", message: null });
    expect(photoRights(story([hero(lapse)], lapse))).toMatchObject({
      outcome: "block",
      label: "Photo rights",
      message: "The rights to the hero photo (“The quay”) expired on 31 Jan 2027: replace it or renew its rights.",
    });
    expect(photoRights(story([], lapse))).toMatchObject({ outcome: "pass" });
  });

  it("holds a live entry's body too, and an admin may turn it off", () => {
    const lapsed = hero(new Date(Date.now() - 1000));
    expect(runBodyChecks({ type: "doc", content: [] }, settings, [lapsed]).find((check) => check.rule === "photoRights")).toMatchObject({ outcome: "block" });
    expect(runChecks(story([lapsed], new Date()), { ...settings, levels: { ...settings.levels, photoRights: "off" } }).find((check) => check.rule === "photoRights")).toMatchObject({ outcome: "off" });
  });
});
