// Plain JavaScript so that next.config.js (which Next loads before any TypeScript), the upload
// route, lib/media/image.ts and the editor in the browser all read the same numbers.

/** The largest image file a person may upload, in megabytes (MiB) — the number the docs and the editor show. */
export const MAX_UPLOAD_MB = 15;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

/**
 * The largest request body the upload route reads: the file plus its multipart envelope
 * (boundaries, part headers, a long file name). Anything longer is refused with 413.
 */
export const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

/**
 * What Next's proxy (proxy.ts) buffers of a request body (`experimental.proxyClientMaxBodySize`).
 * Past it Next silently hands the route a truncated body (its default, 10 MB, is why 11 MB photos
 * failed as "not multipart"). It sits a megabyte above what the route reads because the proxy drops
 * the whole chunk that crosses its limit: a cut body then still arrives longer than
 * MAX_UPLOAD_BODY_BYTES, and the route answers 413 instead of parsing half a file.
 */
export const PROXY_BODY_LIMIT_BYTES = MAX_UPLOAD_BODY_BYTES + 1024 * 1024;

/**
 * The most pixels an uploaded image may decode to. A few hundred KB of PNG can decode to
 * hundreds of megapixels (seconds of CPU and gigabytes of memory); 40 MP still takes the
 * photos of most cameras and phones.
 */
export const MAX_IMAGE_MEGAPIXELS = 40;
export const MAX_IMAGE_PIXELS = MAX_IMAGE_MEGAPIXELS * 1_000_000;

/** The limits in words, for the editor's hint and the docs. */
export const UPLOAD_LIMITS_TEXT = `JPEG, PNG, WebP, AVIF or GIF; at most ${MAX_UPLOAD_MB} MB and ${MAX_IMAGE_MEGAPIXELS} megapixels`;
