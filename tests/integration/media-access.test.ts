import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft, createPreviewLink, transition, uploadImage } from "@/lib/articles";
import { imageAccess } from "@/lib/media/access";
import { variantKey } from "@/lib/media/image";
import type { StaffViewer } from "@/lib/policy";
import { mediaStorage } from "@/lib/storage";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

let database: TestDatabase;
let uploads: string;
let reporter: StaffViewer;
let editor: StaffViewer;

beforeAll(async () => {
  uploads = await mkdtemp(path.join(os.tmpdir(), "copydesk-media-"));
  process.env.UPLOADS_DIR = uploads;
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER"));
  editor = asViewer(await makeUser(database.db, "EDITOR"));
});
afterAll(() => rm(uploads, { recursive: true, force: true }));

/** A photo as a phone takes it: GPS position and the photographer's name in its EXIF. */
const photoWithGps = (shade: number) =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: shade, g: 90, b: 60 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: "A confidential source", Copyright: "Source" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 12/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 40/1" } })
    .toBuffer();

const anonymous = { viewer: null, previewToken: null };
const figure = (src: string) => ({ type: "doc", content: [{ type: "figure", attrs: { src, alt: "A harbour", caption: "The harbour.", credit: "Staff" } }] });
const keyOf = (url: string) => url.replace(/^\/media\//, "");

describe("uploaded images", () => {
  it("serve only metadata-free variants, never the original, and only to whoever may see the story", async () => {
    const upload = await uploadImage(reporter, await photoWithGps(120));
    const media = await database.db.media.findUniqueOrThrow({ where: { id: upload.id } });
    expect((await sharp((await mediaStorage().get(media.storageKey))!).metadata()).exif).toBeDefined(); // the fixture carries its GPS

    const variant = keyOf(upload.url);
    const served = (await mediaStorage().get(variant))!;
    const metadata = await sharp(served).metadata();
    expect([metadata.exif, metadata.xmp, metadata.iptc]).toEqual([undefined, undefined, undefined]);
    expect(served.includes(Buffer.from("confidential"))).toBe(false);

    // Nobody is served the original; the variant of an unpublished image is for staff only.
    for (const who of [anonymous, { viewer: editor, previewToken: null }]) expect(await imageAccess(media.storageKey, who)).toBeNull();
    expect(await imageAccess(variant, anonymous)).toBeNull();
    expect(await imageAccess(variant, { viewer: reporter, previewToken: null })).toBe("private");

    // In a draft's body: a share link of that story sees it, a link of another story does not.
    const draft = await createDraft(reporter, { headline: `Harbour photo ${Date.now()}`, body: figure(upload.url) });
    const other = await createDraft(reporter, { headline: `Other story ${Date.now()}` });
    const token = (url: string) => url.slice(url.lastIndexOf("/") + 1);
    const link = await createPreviewLink(reporter, { articleId: draft.id });
    const otherLink = await createPreviewLink(reporter, { articleId: other.id });
    expect(await imageAccess(variant, { viewer: null, previewToken: token(link.url) })).toBe("private");
    expect(await imageAccess(variant, { viewer: null, previewToken: token(otherLink.url) })).toBeNull();

    // Live, it is public; taken down, it is not any more.
    const published = await transition(editor, { articleId: draft.id, action: "publish", version: draft.version });
    expect(await imageAccess(variant, anonymous)).toBe("public");
    expect(await imageAccess(variantKey(media.storageKey, 480), anonymous)).toBe("public");
    expect(await imageAccess(media.storageKey, anonymous)).toBeNull();
    await transition(editor, { articleId: draft.id, action: "unpublish", note: "Taken down.", version: published.version });
    expect(await imageAccess(variant, anonymous)).toBeNull();
  });

  it("makes a hero image public with its live story, and unknown or malformed keys are nobody's", async () => {
    const upload = await uploadImage(reporter, await photoWithGps(200));
    const draft = await createDraft(reporter, { headline: `Hero photo ${Date.now()}`, hero: { mediaId: upload.id, alt: "A quay", caption: "", credit: "" } });
    expect(await imageAccess(keyOf(upload.url), anonymous)).toBeNull();
    await transition(editor, { articleId: draft.id, action: "publish", version: draft.version });
    expect(await imageAccess(keyOf(upload.url), anonymous)).toBe("public");
    for (const key of ["images/0123456789abcdef0123456789abcdef/960.webp", "images/x/960.webp", "other/960.webp"]) {
      expect(await imageAccess(key, { viewer: editor, previewToken: null })).toBeNull();
    }
  });
});
