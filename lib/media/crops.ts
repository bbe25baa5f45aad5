import { z } from "zod";

/**
 * Crops of a photo around its subject. Pure: the editor previews them, the
 * save service records them (./register-crops.ts) and readers' pages name
 * them in rendition addresses (./renditions.ts) — all from these functions,
 * so the crop a reader gets is the crop the desk saw.
 *
 * Coordinates are pixels of the upright photo (after its EXIF rotation); a
 * focal point is a pair of fractions of its width and height.
 */
export const CROP_RATIOS = {
  "16:9": 16 / 9,
  "4:3": 4 / 3,
  "1:1": 1,
  "4:5": 4 / 5,
  "1.91:1": 1.91,
} as const;
export type CropRatio = keyof typeof CROP_RATIOS;
export const CROP_NAMES = Object.keys(CROP_RATIOS) as CropRatio[];

/** The crops the desk sees side by side in the editor (JSON-LD also lists 4:3). */
export const EDITOR_CROPS: CropRatio[] = ["16:9", "1:1", "4:5", "1.91:1"];

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Focus {
  x: number;
  y: number;
}
/** A photo's focal point and the crops the desk drew by hand, as stored with the story. */
export interface PhotoFraming {
  focus: Focus;
  crops: Partial<Record<CropRatio, Rect>>;
}
/** A change of framing as a save sends it: each part absent keeps what is stored; `focus: null` clears both. */
export interface FramingChange {
  focus?: Focus | null;
  crops?: Partial<Record<CropRatio, Rect>>;
}
export interface Size {
  width: number;
  height: number;
}

export const CENTRE: Focus = { x: 0.5, y: 0.5 };

/** A hand-drawn crop may miss its ratio by this much (a pixel's rounding on a small photo). */
const RATIO_TOLERANCE = 0.01;

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * The largest crop of `ratio` that fits the photo, centred on the focal
 * point as far as the photo's edges allow — so the focal point is always
 * inside it.
 */
export function cropAround(photo: Size, ratio: CropRatio, focus: Focus = CENTRE): Rect {
  const wanted = CROP_RATIOS[ratio];
  const width = photo.width / photo.height > wanted ? Math.max(1, Math.round(photo.height * wanted)) : photo.width;
  const height = photo.width / photo.height > wanted ? photo.height : Math.max(1, Math.round(photo.width / wanted));
  return {
    x: clamp(Math.round(focus.x * photo.width - width / 2), 0, photo.width - width),
    y: clamp(Math.round(focus.y * photo.height - height / 2), 0, photo.height - height),
    width,
    height,
  };
}

/** The crop readers get of `ratio`: the one drawn by hand, else the one around the focal point. */
export const cropOf = (photo: Size, framing: PhotoFraming | null, ratio: CropRatio): Rect =>
  framing?.crops[ratio] ?? cropAround(photo, ratio, framing?.focus);

/** Every crop readers may be given of a photo with this framing. */
export const cropsOf = (photo: Size, framing: PhotoFraming | null): Rect[] => CROP_NAMES.map((ratio) => cropOf(photo, framing, ratio));

/** Why a hand-drawn crop cannot be used, or null when it can. */
export function cropProblem(photo: Size, ratio: CropRatio, rect: Rect): string | null {
  if (rect.x < 0 || rect.y < 0 || rect.x + rect.width > photo.width || rect.y + rect.height > photo.height) {
    return `the ${ratio} crop (${rect.width}×${rect.height} at ${rect.x},${rect.y}) reaches outside the ${photo.width}×${photo.height} photo.`;
  }
  if (Math.abs(rect.width / rect.height / CROP_RATIOS[ratio] - 1) > RATIO_TOLERANCE) {
    return `the ${ratio} crop is ${rect.width}×${rect.height}, which is not ${ratio}.`;
  }
  return null;
}

const pixels = z.number().int().min(0).max(100_000);
const fraction = z.number().min(0).max(1);
const rectSchema = z.strictObject({ x: pixels, y: pixels, width: pixels.min(1), height: pixels.min(1) });

/** A focal point as a client sends it: fractions of the photo's width and height, so always inside it. */
export const focusInput = z.strictObject(
  { x: fraction, y: fraction },
  { error: "focus must be { x, y }, each between 0 and 1 (a fraction of the photo's width and height from its top left corner)." },
);

/** Hand-drawn crops by ratio name, taken in any spelling that means one ("16x9", "1.91:1", "1.91X1"). */
export const cropsInput = z.record(z.string(), rectSchema).transform((crops, context) => {
  const named: Partial<Record<CropRatio, Rect>> = {};
  for (const [name, rect] of Object.entries(crops)) {
    const ratio = CROP_NAMES.find((each) => each === name.trim().toLowerCase().replace("x", ":"));
    if (!ratio) {
      context.addIssue({ code: "custom", message: `"${name}" is not a crop; the crops are ${CROP_NAMES.join(", ")}.`, path: [name] });
      return z.NEVER;
    }
    named[ratio] = rect;
  }
  return named;
});

const storedSchema = z.object({ focus: focusInput, crops: cropsInput.optional() });

/** A stored framing (JSON column or figure attributes), read defensively: anything malformed is no framing. */
export function storedFraming(value: unknown): PhotoFraming | null {
  const parsed = storedSchema.safeParse(value);
  return parsed.success ? { focus: parsed.data.focus, crops: parsed.data.crops ?? {} } : null;
}

/** A body figure's framing: its focal point attributes (figures carry no hand-drawn crops). */
export function figureFraming(attrs: Record<string, unknown> | undefined): PhotoFraming | null {
  const x = attrs?.focusX;
  const y = attrs?.focusY;
  return typeof x === "number" && typeof y === "number" ? storedFraming({ focus: { x, y } }) : null;
}

/**
 * The framing a save leaves: `stored` changed by `change`. A hand-drawn crop
 * must fit the photo and have its ratio; a focal point alone re-centres the
 * crops not drawn by hand. Throws the problem's words (the caller names the field).
 */
export function changedFraming(photo: Size, stored: PhotoFraming | null, change: FramingChange): PhotoFraming | null {
  if (change.focus === null) return null;
  if (change.focus === undefined && change.crops === undefined) return stored;
  const framing = { focus: change.focus ?? stored?.focus ?? CENTRE, crops: change.crops ?? stored?.crops ?? {} };
  for (const [ratio, rect] of Object.entries(framing.crops) as [CropRatio, Rect][]) {
    const problem = cropProblem(photo, ratio, rect);
    if (problem) throw new Error(problem);
  }
  return framing;
}
