import { describe, expect, it } from "vitest";
import { changedFraming, CROP_NAMES, CROP_RATIOS, cropAround, cropProblem, cropsInput, focusInput, type Focus, type Rect, type Size } from "@/lib/media/crops";
import { parseRendition, pictureOf, renditionAllowed, renditionKey, widthsFor } from "@/lib/media/renditions";

const inside = (point: Focus, photo: Size, crop: Rect) => {
  const [x, y] = [point.x * photo.width, point.y * photo.height];
  return x >= crop.x && x <= crop.x + crop.width && y >= crop.y && y <= crop.y + crop.height;
};
const within = (photo: Size, crop: Rect) => crop.x >= 0 && crop.y >= 0 && crop.x + crop.width <= photo.width && crop.y + crop.height <= photo.height;

describe("crops around a focal point", () => {
  const portrait = { width: 3024, height: 4032 };
  const landscape = { width: 4032, height: 3024 };
  const oddSizes = [portrait, landscape, { width: 1, height: 1 }, { width: 17, height: 5000 }, { width: 5000, height: 17 }, { width: 1200, height: 630 }];

  it("keeps a portrait photo's subject near the top inside every crop, at the crop's exact ratio", () => {
    const face = { x: 0.5, y: 0.08 };
    for (const ratio of CROP_NAMES) {
      const crop = cropAround(portrait, ratio, face);
      expect(inside(face, portrait, crop), ratio).toBe(true);
      expect(within(portrait, crop), ratio).toBe(true);
      expect(Math.abs(crop.width / crop.height - CROP_RATIOS[ratio])).toBeLessThan(0.01);
      // The largest that fits: one side is the photo's own.
      expect(crop.width === portrait.width || crop.height === portrait.height, ratio).toBe(true);
    }
    // Near the top means the wide crops sit at the top, not in the middle where the centred crop would cut the head off.
    expect(cropAround(portrait, "16:9", face).y).toBe(0);
    expect(inside(face, portrait, cropAround(portrait, "16:9"))).toBe(false);
  });

  it("holds every focal point inside every crop of every shape, corners and edges included", () => {
    const points = [0, 0.001, 0.25, 0.5, 0.75, 0.999, 1].flatMap((x) => [0, 0.1, 0.5, 0.9, 1].map((y) => ({ x, y })));
    for (const photo of oddSizes) {
      for (const ratio of CROP_NAMES) {
        for (const point of points) {
          const crop = cropAround(photo, ratio, point);
          expect(within(photo, crop), `${photo.width}×${photo.height} ${ratio} ${point.x},${point.y}`).toBe(true);
          expect(inside(point, photo, crop), `${photo.width}×${photo.height} ${ratio} ${point.x},${point.y}`).toBe(true);
        }
      }
    }
  });

  it("refuses a focal point outside the photo and a crop outside it or of the wrong ratio, with words", () => {
    for (const focus of [{ x: 1.5, y: 0.5 }, { x: -0.1, y: 0 }, { x: 0.5 }, { x: "0.5", y: 0.5 }, { x: Number.NaN, y: 0.5 }, { x: 0.5, y: 0.5, z: 1 }]) {
      expect(focusInput.safeParse(focus).success, JSON.stringify(focus)).toBe(false);
    }
    expect(cropProblem(landscape, "16:9", { x: 100, y: 0, width: 4032, height: 2268 })).toMatch(/reaches outside/);
    expect(cropProblem(landscape, "16:9", { x: 0, y: 0, width: 3000, height: 3000 })).toMatch(/not 16:9/);
    expect(cropProblem(landscape, "16:9", { x: 0, y: 0, width: 4032, height: 2268 })).toBeNull();
    expect(cropsInput.safeParse({ "3:2": { x: 0, y: 0, width: 30, height: 20 } }).error?.issues[0]?.message).toMatch(/"3:2" is not a crop/);
    expect(cropsInput.safeParse({ "16:9": { x: -1, y: 0, width: 16, height: 9 } }).success).toBe(false);
  });

  it("takes a crop's ratio in any spelling that means it", () => {
    const rect = { x: 0, y: 0, width: 191, height: 100 };
    expect(cropsInput.parse({ "1.91X1": rect, " 16x9 ": { x: 0, y: 0, width: 16, height: 9 } })).toEqual({ "1.91:1": rect, "16:9": { x: 0, y: 0, width: 16, height: 9 } });
  });

  it("changes a stored framing part by part: absent keeps, a focal point alone re-centres, null clears", () => {
    const stored = { focus: { x: 0.2, y: 0.2 }, crops: { "1:1": { x: 0, y: 0, width: 3024, height: 3024 } } };
    expect(changedFraming(landscape, stored, {})).toBe(stored);
    expect(changedFraming(landscape, stored, { focus: null })).toBeNull();
    expect(changedFraming(landscape, stored, { focus: { x: 0.9, y: 0.9 } })).toEqual({ focus: { x: 0.9, y: 0.9 }, crops: stored.crops });
    expect(changedFraming(landscape, null, { crops: { "1:1": { x: 1008, y: 0, width: 3024, height: 3024 } } })).toEqual({ focus: { x: 0.5, y: 0.5 }, crops: { "1:1": { x: 1008, y: 0, width: 3024, height: 3024 } } });
    expect(() => changedFraming(landscape, null, { crops: { "1:1": { x: 2000, y: 0, width: 3024, height: 3024 } } })).toThrow(/reaches outside/);
  });
});

describe("rendition addresses", () => {
  const folder = `images/${"a".repeat(32)}/`;
  const photo = { folder, width: 1200, height: 800, framing: { focus: { x: 0.2, y: 0.5 }, crops: {} } };

  it("serve the ladder's widths below the frame and the frame's own width, never enlarged", () => {
    expect(widthsFor(1200)).toEqual([320, 480, 640, 800, 960, 1200]);
    expect(widthsFor(200)).toEqual([200]);
    expect(widthsFor(6000)).toEqual([320, 480, 640, 800, 960, 1280, 1600, 2048]);
  });

  it("read back every address a page names, and allow exactly those", () => {
    for (const frame of ["full", ...CROP_NAMES] as const) {
      const picture = pictureOf(photo, frame);
      for (const entry of [...picture.avifSrcSet.split(", "), ...picture.webpSrcSet.split(", ")]) {
        const key = entry.split(" ")[0]!.replace(/^\/media\//, "");
        const rendition = parseRendition(key);
        expect(rendition, key).not.toBeNull();
        expect(renditionKey(rendition!)).toBe(key);
        // A crop of a framing is allowed once a save recorded it; the centred ones always are.
        const recorded = rendition!.crop ? [rendition!.crop] : [];
        expect(renditionAllowed(rendition!, photo, recorded), key).toBe(true);
      }
    }
  });

  it("refuse what no page names: other widths, unrecorded crops, the original, path tricks", () => {
    const crop = cropAround(photo, "16:9", { x: 0.2, y: 0.1 }); // not the centred one: that is always allowed
    const allowed = (key: string, recorded: Rect[] = []) => {
      const rendition = parseRendition(key);
      return rendition !== null && renditionAllowed(rendition, photo, recorded);
    };
    expect(allowed(`${folder}960.avif`)).toBe(true);
    expect(allowed(`${folder}961.avif`)).toBe(false);
    expect(allowed(`${folder}1280.webp`)).toBe(false); // wider than the photo
    expect(allowed(`${folder}960.png`)).toBe(false);
    expect(allowed(`${folder}original.jpeg`)).toBe(false);
    expect(allowed(`${folder}${crop.x}-${crop.y}-${crop.width}-${crop.height}/960.webp`)).toBe(false);
    expect(allowed(`${folder}${crop.x}-${crop.y}-${crop.width}-${crop.height}/960.webp`, [crop])).toBe(true);
    expect(allowed(`${folder}0-0-0-0/320.webp`, [{ x: 0, y: 0, width: 0, height: 0 }])).toBe(false);
    expect(allowed(`${folder}${crop.x}-${crop.y}-${crop.width}-${crop.height}/share.jpg`, [crop])).toBe(false); // 16:9 is not a share crop
    const share = cropAround(photo, "1.91:1");
    expect(allowed(`${folder}${share.x}-${share.y}-${share.width}-${share.height}/share.jpg`)).toBe(true);
    expect(allowed(`${folder}share.jpg`)).toBe(false);
    expect(allowed(`images/../${folder}960.webp`)).toBe(false);
  });
});
