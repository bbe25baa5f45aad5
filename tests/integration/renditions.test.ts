import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft, saveDraft, transition, uploadImage } from "@/lib/articles";
import { AppError } from "@/lib/errors";
import { servedImage } from "@/lib/media/access";
import { CROP_NAMES, cropOf, storedFraming } from "@/lib/media/crops";
import { renditionBytes } from "@/lib/media/make-rendition";
import { pictureOf, renditionKey, shareImageOf } from "@/lib/media/renditions";
import type { StaffViewer } from "@/lib/policy";
import { articleBySlug } from "@/lib/reader/article";
import { frontPage } from "@/lib/reader/front-page";
import { mediaStorage } from "@/lib/storage";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

let database: TestDatabase;
let uploads: string;
let reporter: StaffViewer;
let editor: StaffViewer;

beforeAll(async () => {
  uploads = await mkdtemp(path.join(os.tmpdir(), "copydesk-renditions-"));
  process.env.UPLOADS_DIR = uploads;
  database = await freshDatabase({ asAppDatabase: true });
  reporter = asViewer(await makeUser(database.db, "REPORTER"));
  editor = asViewer(await makeUser(database.db, "EDITOR"));
});
afterAll(() => rm(uploads, { recursive: true, force: true }));

const anonymous = { viewer: null, previewToken: null };
const keyOf = (url: string) => url.replace(/^\/media\//, "").replace(/\?.*$/, "");
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** A portrait photo, grey, with its subject — a white square — near the top: 1000×1600, the square at (450–550, 100–200). */
const portraitWithSubjectOnTop = (shade = 90) =>
  sharp({ create: { width: 1000, height: 1600, channels: 3, background: { r: shade, g: shade, b: shade } } })
    .composite([{ input: { create: { width: 100, height: 100, channels: 3, background: { r: 255, g: 255, b: 255 } } }, left: 450, top: 100 }])
    .jpeg({ quality: 95 })
    .withExif({ IFD0: { Artist: "A confidential source" } })
    .toBuffer();

async function allFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

async function publishedWithHero(hero: Record<string, unknown>, headline = `Portrait ${Date.now()} ${Math.random()}`) {
  const draft = await createDraft(reporter, { headline, body: paragraph("Text."), hero: { alt: "The subject", caption: "", credit: "", ...hero } as never });
  return transition(editor, { articleId: draft.id, action: "publish", version: draft.version });
}

describe("renditions", () => {
  it("crop a portrait around its focal point near the top: the subject is in every crop, and the share image is 1200×630", async () => {
    const upload = await uploadImage(reporter, await portraitWithSubjectOnTop());
    const focus = { x: 0.5, y: 150 / 1600 };
    const story = await publishedWithHero({ mediaId: upload.id, focus });
    const found = await articleBySlug(story.slug);
    if (found.kind !== "article") throw new Error("not published");
    const hero = found.article.image!;
    expect(hero.framing).toEqual({ focus, crops: {} });

    for (const ratio of CROP_NAMES) {
      const crop = cropOf(hero, hero.framing, ratio);
      // The focal point (the square's centre) lies inside the crop…
      expect(500 >= crop.x && 500 <= crop.x + crop.width && 150 >= crop.y && 150 <= crop.y + crop.height, ratio).toBe(true);
      // …and the rendition readers get shows the white square there.
      const src = pictureOf(hero, ratio).webpSrcSet.split(", ").at(-1)!.split(" ")[0]!;
      const served = await servedImage(keyOf(src), anonymous);
      expect(served, `${ratio} ${src}`).not.toBeNull();
      const { bytes } = await renditionBytes(mediaStorage(), served!.originalKey, served!.rendition);
      const image = sharp(bytes);
      const { width, height } = await image.metadata();
      const scale = width! / crop.width;
      const { data } = await image.extract({ left: Math.round((500 - crop.x) * scale) - 1, top: Math.round((150 - crop.y) * scale) - 1, width: 2, height: 2 }).raw().toBuffer({ resolveWithObject: true });
      expect(Math.min(...data), `${ratio}: the subject's pixels`).toBeGreaterThan(200);
      expect(Math.abs(width! / height! - crop.width / crop.height)).toBeLessThan(0.02);
    }

    const share = await servedImage(keyOf(shareImageOf(hero)), anonymous);
    const shareBytes = (await renditionBytes(mediaStorage(), share!.originalKey, share!.rendition)).bytes;
    const shareMeta = await sharp(shareBytes).metadata();
    expect([shareMeta.format, shareMeta.width, shareMeta.height, shareMeta.exif]).toEqual(["jpeg", 1200, 630, undefined]);
  });

  it("are made once: the second request reads the stored file and does no image work; made-up addresses create nothing", async () => {
    const upload = await uploadImage(reporter, await portraitWithSubjectOnTop(100));
    const story = await publishedWithHero({ mediaId: upload.id, focus: { x: 0.3, y: 0.2 } });
    const found = await articleBySlug(story.slug);
    if (found.kind !== "article") throw new Error("not published");
    const src = pictureOf(found.article.image!, "16:9").avifSrcSet.split(", ")[1]!.split(" ")[0]!;
    const served = (await servedImage(keyOf(src), anonymous))!;

    const first = await renditionBytes(mediaStorage(), served.originalKey, served.rendition);
    expect(first.made).toBe(true);
    expect((await sharp(first.bytes).metadata()).format).toBe("heif"); // AVIF, in its HEIF container
    const file = path.join(uploads, renditionKey(served.rendition));
    const madeAt = (await stat(file)).mtimeMs;
    const second = await renditionBytes(mediaStorage(), served.originalKey, served.rendition);
    expect(second.made).toBe(false);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect((await stat(file)).mtimeMs).toBe(madeAt);

    // Requests that arrive together make it once.
    const other = (await servedImage(keyOf(pictureOf(found.article.image!, "1:1").webpSrcSet.split(", ")[0]!.split(" ")[0]!), anonymous))!;
    const together = await Promise.all([1, 2, 3].map(() => renditionBytes(mediaStorage(), other.originalKey, other.rendition)));
    expect(together.every((each) => each.made)).toBe(true); // all three waited on the one making
    expect(new Set(together.map((each) => each.bytes))).toHaveProperty("size", 1);

    const before = await allFiles(uploads);
    const folder = keyOf(src).split("/").slice(0, 2).join("/");
    const madeUp = [
      `${folder}/961.avif`,
      `${folder}/2048.webp`, // wider than the photo
      `${folder}/1-2-300-300/320.webp`, // a crop no story asked for
      `${folder}/0-0-1000-1600/share.jpg`, // not a share crop
      `${folder}/original.jpeg`,
      `${folder}/320.gif`,
      `images/${"0".repeat(32)}/320.webp`,
    ];
    for (const key of madeUp) expect(await servedImage(key, anonymous), key).toBeNull();
    expect(await allFiles(uploads)).toEqual(before);
  });

  it("refuse a focal point or crop outside the photo with a 400 that changes nothing", async () => {
    const upload = await uploadImage(reporter, await portraitWithSubjectOnTop(110));
    const headline = `Framing ${Date.now()}`;
    const draft = await createDraft(reporter, { headline, hero: { mediaId: upload.id, alt: "A", caption: "", credit: "" } });
    const hero = { mediaId: upload.id, alt: "A", caption: "", credit: "" };
    const refused = [
      { ...hero, focus: { x: 1.2, y: 0.5 } },
      { ...hero, focus: { x: 0.5 } },
      { ...hero, crops: { "16:9": { x: 0, y: 1200, width: 1000, height: 563 } } },
      { ...hero, crops: { "16:9": { x: 0, y: 0, width: 1000, height: 1000 } } },
      { ...hero, crops: { "2:3": { x: 0, y: 0, width: 200, height: 300 } } },
    ];
    for (const change of refused) {
      const error = await saveDraft(reporter, { articleId: draft.id, version: draft.version, headline: "Changed too", hero: change as never }).catch((caught: unknown) => caught);
      expect(error, JSON.stringify(change)).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("VALIDATION");
      expect((error as AppError).message).toMatch(/hero|focus|crop/);
    }
    const row = await database.db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect([row.version, row.headline, row.heroFocus]).toEqual([draft.version, headline, {}]);

    // A hand-drawn crop (its ratio spelled any way) is kept with the focal point, and recorded so its renditions may be made.
    const drawn = { x: 0, y: 100, width: 1000, height: 1000 };
    const saved = await saveDraft(reporter, { articleId: draft.id, version: draft.version, hero: { ...hero, focus: { x: 0.5, y: 0.1 }, crops: { "1X1": drawn } } as never });
    const stored = await database.db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(storedFraming(stored.heroFocus)).toEqual({ focus: { x: 0.5, y: 0.1 }, crops: { "1:1": drawn } });
    expect(await database.db.mediaCrop.count({ where: { mediaId: upload.id, ...drawn } })).toBe(1);
    // A new photo starts without the old one's framing.
    const other = await uploadImage(reporter, await portraitWithSubjectOnTop(120));
    await saveDraft(reporter, { articleId: draft.id, version: saved.version, hero: { mediaId: other.id, alt: "B", caption: "", credit: "" } });
    expect((await database.db.article.findUniqueOrThrow({ where: { id: draft.id } })).heroFocus).toEqual({});
  });

  it("take a phone's sideways-stored portrait as upright", async () => {
    // Stored 1600×900 with EXIF orientation 6 ("turn 90° clockwise"): the photo is 900 wide, 1600 high.
    const sideways = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 20, g: 120, b: 200 } } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const upload = await uploadImage(reporter, sideways);
    expect([upload.width, upload.height]).toEqual([900, 1600]);
    const story = await publishedWithHero({ mediaId: upload.id });
    const found = await articleBySlug(story.slug);
    if (found.kind !== "article") throw new Error("not published");
    const src = pictureOf(found.article.image!, "full").webpSrcSet.split(", ").at(-1)!.split(" ")[0]!;
    expect(src).toMatch(/\/900\.webp$/);
    const served = (await servedImage(keyOf(src), anonymous))!;
    const { width, height } = await sharp((await renditionBytes(mediaStorage(), served.originalKey, served.rendition)).bytes).metadata();
    expect([width, height]).toEqual([900, 1600]);
  });

  it("give cards of a story without a hero its first body photo, cropped around that photo's focal point", async () => {
    const upload = await uploadImage(reporter, await portraitWithSubjectOnTop(130));
    const body = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Before the photo." }] },
        { type: "figure", attrs: { src: upload.url, alt: "The square", caption: "A square.", credit: "Staff", focusX: 0.5, focusY: 0.09 } },
      ],
    };
    const draft = await createDraft(reporter, { headline: `Only body photos ${Date.now()}`, body });
    await transition(editor, { articleId: draft.id, action: "publish", version: draft.version });
    const teaser = (await frontPage(1)).articles.find((article) => article.id === draft.id)!;
    expect(teaser.image).toBeNull();
    expect(teaser.cardImage).toMatchObject({ alt: "The square", framing: { focus: { x: 0.5, y: 0.09 } } });
    const card = pictureOf(teaser.cardImage!, "16:9").webpSrcSet.split(", ")[0]!.split(" ")[0]!;
    expect(await servedImage(keyOf(card), anonymous)).not.toBeNull();

    // A focal point outside the photo in a body is refused like the hero's.
    const bad = { ...body, content: [body.content[0], { ...body.content[1], attrs: { ...body.content[1]!.attrs, focusY: 4 } }] };
    await expect(saveDraft(reporter, { articleId: draft.id, version: draft.version, body: bad })).resolves.toMatchObject({ invalid: [{ field: "body", message: expect.stringMatching(/focal point/) }] });
  });
});
