import { CROP_RATIOS, cropOf, cropsOf, type CropRatio, type PhotoFraming, type Rect, type Size } from "./crops";

/**
 * Renditions: the only image files readers are ever sent. Each is a frame
 * of a photo (the whole photo, or a crop) at one width of the ladder, in
 * AVIF or WebP — or the 1200×630 JPEG share image of a 1.91:1 crop. Its
 * address says exactly what it is, so it is made once, on first request,
 * and kept (./make-rendition.ts); an address that is not one of these
 * (another width, a crop no story asked for) is a 404 and makes nothing.
 *
 *   images/<hash>/<width>.avif|webp                  the whole photo
 *   images/<hash>/<x>-<y>-<w>-<h>/<width>.avif|webp  a crop
 *   images/<hash>/<x>-<y>-<w>-<h>/share.jpg          the share image
 */
export const RENDITION_WIDTHS = [320, 480, 640, 800, 960, 1280, 1600, 2048] as const;
export const RENDITION_FORMATS = ["avif", "webp"] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];
export const SHARE_SIZE = { width: 1200, height: 630 } as const;

export const CONTENT_TYPES = { avif: "image/avif", webp: "image/webp", jpg: "image/jpeg" } as const;
/**
 * How each is encoded. AVIF at effort 2: about a tenth of the default's time for a few per cent more bytes
 * (measured on 10 MP photos). The WebP copies an upload makes at once (./image.ts) are renditions too.
 */
export const ENCODING = { avif: { quality: 50, effort: 2 }, webp: { quality: 75 }, jpg: { quality: 82, mozjpeg: true } } as const;

export type Rendition =
  | { folder: string; crop: Rect | null; width: number; format: RenditionFormat }
  | { folder: string; crop: Rect; width: "share"; format: "jpg" };

const LARGEST = RENDITION_WIDTHS.at(-1)!;

/** The widths a frame this wide is served at: the ladder below its own width, and its own width up to the ladder's top; never enlarged. */
export function widthsFor(frameWidth: number): number[] {
  const below = RENDITION_WIDTHS.filter((width) => width < frameWidth);
  return frameWidth <= LARGEST ? [...below, frameWidth] : below;
}

const cropSegment = (crop: Rect) => `${crop.x}-${crop.y}-${crop.width}-${crop.height}`;

export function renditionKey(rendition: Rendition): string {
  const frame = rendition.crop ? `${rendition.folder}${cropSegment(rendition.crop)}/` : rendition.folder;
  return rendition.width === "share" ? `${frame}share.jpg` : `${frame}${rendition.width}.${rendition.format}`;
}

const RENDITION_KEY = /^(images\/[a-f0-9]{32}\/)(?:(\d{1,6})-(\d{1,6})-(\d{1,6})-(\d{1,6})\/)?(?:(\d{1,5})\.(avif|webp)|(share)\.jpg)$/;

/** A storage key read as a rendition, or null when it cannot be one (the original upload never is). */
export function parseRendition(key: string): Rendition | null {
  const match = RENDITION_KEY.exec(key);
  if (!match) return null;
  const [, folder, x, y, w, h, width, format, share] = match;
  const crop = x === undefined ? null : { x: Number(x), y: Number(y), width: Number(w), height: Number(h) };
  if (crop && (crop.width === 0 || crop.height === 0)) return null;
  if (share) return crop ? { folder: folder!, crop, width: "share", format: "jpg" } : null;
  return { folder: folder!, crop, width: Number(width), format: format as RenditionFormat };
}

/** Whether a rendition of this photo may exist, given the crops recorded for it (the centred ones always may). */
export function renditionAllowed(rendition: Rendition, photo: Size, recordedCrops: Rect[]): boolean {
  const { crop } = rendition;
  if (crop) {
    const same = (other: Rect) => other.x === crop.x && other.y === crop.y && other.width === crop.width && other.height === crop.height;
    if (!cropsOf(photo, null).some(same) && !recordedCrops.some(same)) return false;
  }
  if (rendition.width === "share") return Math.abs(crop!.width / crop!.height / CROP_RATIOS["1.91:1"] - 1) <= 0.01;
  return widthsFor(crop?.width ?? photo.width).includes(rendition.width);
}

/** A photo as readers' pages place it: where its files are, its upright size, and the desk's framing. */
export interface PlacedPhoto extends Size {
  /** "images/<hash>/" */
  folder: string;
  framing: PhotoFraming | null;
}

export interface Picture extends Size {
  src: string;
  avifSrcSet: string;
  webpSrcSet: string;
}

/**
 * The `<picture>` sources of one frame of a photo: AVIF and WebP at every
 * ladder width the frame allows, the frame's own size for width and height
 * (so nothing shifts while it loads). `query` carries a share link's token
 * to a preview's private images.
 */
export function pictureOf(photo: PlacedPhoto, frame: CropRatio | "full", query = ""): Picture {
  const crop = frame === "full" ? null : cropOf(photo, photo.framing, frame);
  const widths = widthsFor(crop?.width ?? photo.width);
  const url = (width: number, format: RenditionFormat) => `/media/${renditionKey({ folder: photo.folder, crop, width, format })}${query}`;
  const srcSet = (format: RenditionFormat) => widths.map((width) => `${url(width, format)} ${width}w`).join(", ");
  return {
    src: url(widths.find((width) => width >= 960) ?? widths.at(-1)!, "webp"),
    avifSrcSet: srcSet("avif"),
    webpSrcSet: srcSet("webp"),
    width: crop?.width ?? photo.width,
    height: crop?.height ?? photo.height,
  };
}

/** The share image's address (og:image, twitter:image): 1200×630 of the 1.91:1 crop. */
export const shareImageOf = (photo: PlacedPhoto): string =>
  `/media/${renditionKey({ folder: photo.folder, crop: cropOf(photo, photo.framing, "1.91:1"), width: "share", format: "jpg" })}`;

/** One frame at one width, as JSON-LD lists Google News' 16:9, 4:3 and 1:1 crops. */
export function frameUrl(photo: PlacedPhoto, frame: CropRatio, atMost = 1280): { url: string; width: number; height: number } {
  const crop = cropOf(photo, photo.framing, frame);
  const width = widthsFor(crop.width).filter((each) => each <= atMost).at(-1) ?? widthsFor(crop.width)[0]!;
  return { url: `/media/${renditionKey({ folder: photo.folder, crop, width, format: "webp" })}`, width, height: Math.round((crop.height * width) / crop.width) };
}
