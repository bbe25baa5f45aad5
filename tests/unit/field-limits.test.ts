import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/articles/field-check";
import { FIELD_LIMITS } from "@/lib/content/limits";
import { validateDocument } from "@/lib/content/validate";
import { AppError } from "@/lib/errors";
import { photoSlot } from "@/lib/ingest/draft";
import { slugify } from "@/lib/slug";

/* Issue #23, point 1: one table of field limits, read by the save's rules, the body's photos, ingest and slugify alike. */

const figureDoc = (attrs: Record<string, string>) => ({ type: "doc", content: [{ type: "figure", attrs: { src: "", alt: "", caption: "", credit: "", ...attrs } }] });
const outcome = (run: () => unknown) => {
  try {
    run();
    return "accepted";
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
  }
};

describe("the limits in one place", () => {
  it("a save's rules take each field up to its limit and keep back one past it, naming the count", () => {
    const at = { headline: "h".repeat(FIELD_LIMITS.headline), standfirst: "s".repeat(FIELD_LIMITS.standfirst), slug: "s".repeat(FIELD_LIMITS.slug) };
    expect(checkContent(at).invalid).toEqual([]);
    const past = { headline: `${at.headline}h`, standfirst: `${at.standfirst}s`, slug: `${at.slug}s` };
    expect(checkContent(past).invalid).toEqual([
      { field: "headline", message: "Headline: must be at most 200 characters (it has 201)." },
      { field: "standfirst", message: "Standfirst: must be at most 600 characters (it has 601)." },
      { field: "slug", message: "Slug: must be at most 80 characters (it has 81)." },
    ]);
    expect(checkContent(past).valid).toEqual({});
  });

  it("a body's photo texts are held to the hero's limits", () => {
    for (const [key, limit] of [["alt", FIELD_LIMITS.alt], ["caption", FIELD_LIMITS.caption], ["credit", FIELD_LIMITS.credit]] as const) {
      expect(outcome(() => validateDocument(figureDoc({ [key]: "x".repeat(limit) })))).toBe("accepted");
      expect(outcome(() => validateDocument(figureDoc({ [key]: "x".repeat(limit + 1) })))).toMatch(new RegExp(`^VALIDATION: body: a photo's .+ must be at most ${limit} characters \\(it has ${limit + 1}\\)\\.$`));
    }
  });

  it("ingest fits an agency's over-long caption at a word instead of losing the story, and leaves a short one as it came", () => {
    const long = "The ferry leaves the pier at dawn ".repeat(25);
    const slot = photoSlot(long, "Jo Lens");
    const caption = String(slot.attrs?.caption);
    expect(caption.length).toBeLessThanOrEqual(FIELD_LIMITS.caption);
    expect(caption.endsWith("…")).toBe(true);
    expect(outcome(() => validateDocument({ type: "doc", content: [slot] }))).toBe("accepted");
    expect(photoSlot("  Short caption\n", "Jo").attrs).toMatchObject({ caption: "  Short caption\n", credit: "Jo" });
  });

  it("slugify makes addresses no longer than the slug's limit", () => {
    expect(slugify("word ".repeat(60)).length).toBeLessThanOrEqual(FIELD_LIMITS.slug);
  });
});
