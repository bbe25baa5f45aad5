import { describe, expect, it } from "vitest";
import type { ApiError } from "@/components/editor/api";
import { acknowledge, changedFields, FIRST_RETRY_MS, initialQueue, nextQueue, payload, saveLabel, unsavedWork, type SaveEvent, type SaveQueue, type Snapshot } from "@/components/editor/save-queue";

const error = (status: number, code = "error", details: Record<string, unknown> = {}): ApiError => ({ status, code, message: `answered ${status}`, details });
const run = (queue: SaveQueue, ...events: SaveEvent[]) => events.reduce(nextQueue, queue);
const at = new Date("2026-12-08T10:15:00Z");
const snapshot = (patch: Partial<Snapshot["fields"]> = {}, text = "The first telling."): Snapshot => ({
  fields: { headline: "Council votes", standfirst: "", slug: "", sectionId: "", tags: "transport, city", hero: null, seoTitle: "", description: "", socialImage: null, ...patch },
  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
});

describe("the save queue", () => {
  it("is saved once the server acknowledges every edit up to the one it sent, and pending while newer edits wait", () => {
    const opened = initialQueue(at);
    expect(opened.state).toBe("saved");
    expect(initialQueue(null).state).toBe("new");
    const typed = run(opened, { type: "edited" }, { type: "edited" });
    expect(typed).toMatchObject({ state: "pending", edits: 2 });
    expect(unsavedWork(typed)).toBe(true);
    const sent = run(typed, { type: "sending" });
    expect(sent.state).toBe("saving");
    expect(run(sent, { type: "acknowledged", edits: 2, keptBack: [], at })).toMatchObject({ state: "saved", savedEdits: 2 });
    // A third edit arrived while the save was on its way: it is still to be sent.
    const overtaken = run(sent, { type: "edited" }, { type: "acknowledged", edits: 2, keptBack: [], at });
    expect(overtaken.state).toBe("pending");
    expect(unsavedWork(overtaken)).toBe(true);
  });

  it("says a field kept back is not saved, and counts it as unsaved work until a save takes it", () => {
    const keptBack = [{ field: "headline", message: "Headline: must be at most 200 characters." }];
    const partly = run(initialQueue(at), { type: "edited" }, { type: "acknowledged", edits: 1, keptBack, at });
    expect(partly.state).toBe("partly_saved");
    expect(partly.whyNotSaved).toContain("must be at most 200");
    expect(unsavedWork(partly)).toBe(true);
    expect(saveLabel(partly, true)).toMatch(/^Saved .* — headline not saved: too long \(kept on this device\)$/);
    expect(unsavedWork(run(partly, { type: "edited" }, { type: "acknowledged", edits: 2, keptBack: [], at }))).toBe(false);
  });

  it("tells a clash, an ended session, no connection, a busy server and a refusal apart", () => {
    const typed = run(initialQueue(at), { type: "edited" }, { type: "sending" });
    const clash = run(typed, { type: "failed", error: error(409, "conflict", { currentVersion: 7, updatedBy: "Dana Whitfield", updatedAt: at.toISOString() }) });
    expect(clash).toMatchObject({ state: "clash", conflict: { currentVersion: 7, updatedBy: "Dana Whitfield" } });
    // Typing on after a clash does not hide it; nor after the session ended.
    expect(run(clash, { type: "edited" }).state).toBe("clash");
    expect(run(typed, { type: "failed", error: error(401) }, { type: "edited" }).state).toBe("signed_out");
    expect(run(typed, { type: "failed", error: error(409, "conflict") }).state).toBe("refused");
    expect(run(typed, { type: "failed", error: error(0, "offline") }).state).toBe("offline");
    expect(run(typed, { type: "failed", error: error(429) }).state).toBe("retrying");
    expect(run(typed, { type: "failed", error: error(503) }).state).toBe("retrying");
    const refused = run(typed, { type: "failed", error: error(400, "validation") });
    expect(refused).toMatchObject({ state: "refused", whyNotSaved: "Your latest changes were refused: answered 400" });
    expect(saveLabel(refused, false)).toBe("Not saved — this device could not keep a copy");
    // Keeping mine after a clash: pending again, the clash put away.
    expect(run(clash, { type: "resumed" })).toMatchObject({ state: "pending", conflict: null });
  });

  it("waits longer before each retry, up to half a minute, and starts over once a save goes through", () => {
    let queue = run(initialQueue(at), { type: "edited" });
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      queue = run(queue, { type: "sending" }, { type: "failed", error: error(503) });
      waits.push(queue.retryMs);
      queue = run(queue, { type: "resumed" });
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(run(queue, { type: "acknowledged", edits: 1, keptBack: [], at }).retryMs).toBe(FIRST_RETRY_MS);
  });

  it("is saved, with nothing kept back, once the server replaced the working copy (Discard changes)", () => {
    const partly = run(initialQueue(at), { type: "edited" }, { type: "acknowledged", edits: 1, keptBack: [{ field: "headline", message: "too long" }], at });
    const replaced = run(partly, { type: "replaced", at });
    expect(replaced).toMatchObject({ state: "saved", keptBack: [] });
    expect(unsavedWork(replaced)).toBe(false);
  });

  it("has nothing unsaved once the person lets their changes go", () => {
    const clash = run(initialQueue(at), { type: "edited" }, { type: "failed", error: error(409, "conflict", { currentVersion: 3, updatedAt: at.toISOString() }) });
    expect(unsavedWork(run(clash, { type: "abandoned" }))).toBe(false);
  });
});

describe("what a save sends", () => {
  it("is every field for a new story, and only the changed ones once the server holds the rest", () => {
    const first = payload(snapshot());
    expect(Object.keys(changedFields(first, null)).sort()).toEqual(["body", "description", "headline", "hero", "sectionId", "seoTitle", "slug", "socialImage", "standfirst", "tags"]);
    const held = acknowledge(null, changedFields(first, null), []);
    expect(changedFields(first, held)).toEqual({});
    expect(changedFields(payload(snapshot({ headline: "Council votes no" })), held)).toEqual({ headline: "Council votes no", slug: "council-votes-no" });
    expect(Object.keys(changedFields(payload(snapshot({}, "A second telling.")), held))).toEqual(["body"]);
    // Tags compare as the list the server takes, not as typed.
    expect(changedFields(payload(snapshot({ tags: "transport,  city" })), held)).toEqual({});
  });

  it("sends a field the server kept back again with the next save, and the hero whole when one of its words was", () => {
    const hero = { mediaId: "m1", url: "/media/m1", alt: "x".repeat(2000), caption: "", credit: "" };
    const sent = changedFields(payload(snapshot({ hero, headline: "H".repeat(300) })), null);
    const held = acknowledge(null, sent, [{ field: "headline", message: "too long" }, { field: "hero.alt", message: "too long" }]);
    expect(Object.keys(changedFields(payload(snapshot({ hero, headline: "H".repeat(300) })), held)).sort()).toEqual(["headline", "hero"]);
  });

  it("never sends a field a device copy kept before it existed", () => {
    const old = snapshot();
    delete (old.fields as Partial<Snapshot["fields"]>).seoTitle;
    expect("seoTitle" in changedFields(payload(old), null)).toBe(false);
  });
});
