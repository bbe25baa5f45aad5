import { describe, expect, it } from "vitest";
import { imageName, pasteNotice } from "@/components/editor/paste-notice";

describe("imageName(): how a pasted image is named in the notice", () => {
  it.each([
    ["Harbour at dawn", "https://images.example/x.jpg", "Harbour at dawn"],
    ["  two\n  lines ", "", "two lines"],
    ["", "https://images.example/photos/harbour%20dawn.jpg?w=800#top", "harbour dawn.jpg"],
    [null, "/uploads/ferry.png", "ferry.png"],
    [null, "https://images.example/", null],
    ["", "data:image/png;base64,iVBORw0KGgo=", null],
    [undefined, "blob:https://example.org/1234-5678", null],
    [null, "https://images.example/bad%E0%A4%A.png", "bad%E0%A4%A.png"],
    [null, null, null],
  ])("alt %j, src %j → %j", (alt, src, name) => {
    expect(imageName(alt, src)).toBe(name);
  });

  it("shortens a long name", () => {
    const name = imageName("x".repeat(500), null)!;
    expect(name).toHaveLength(80);
    expect(name.endsWith("…")).toBe(true);
  });
});

describe("pasteNotice(): what a paste left out, in words", () => {
  it("says nothing when nothing was lost", () => {
    expect(pasteNotice({ droppedLinks: [], images: [] })).toBeNull();
  });

  it("names one image and says to upload it with Image", () => {
    expect(pasteNotice({ droppedLinks: [], images: ["Harbour at dawn"] })).toBe('The pasted image "Harbour at dawn" was left out: upload it with Image.');
    expect(pasteNotice({ droppedLinks: [], images: [""] })).toBe("A pasted image was left out: upload it with Image.");
  });

  it("names several images, unnamed ones as 'an image'", () => {
    expect(pasteNotice({ droppedLinks: [], images: ["a.jpg", "", "Ferry"] })).toBe('3 pasted images were left out: "a.jpg", an image and "Ferry". Upload each with Image.');
  });

  it("tells of images and dropped links together", () => {
    const notice = pasteNotice({ droppedLinks: ["#note-1", "javascript:x"], images: ["map.png"] });
    expect(notice).toBe('The pasted image "map.png" was left out: upload it with Image. Pasted links that cannot be links were dropped; their text stays: #note-1, javascript:x');
  });
});
