/**
 * Makes the files public/ serves under fixed names, from app/icon.svg and the newsroom's name:
 * favicon.ico (crawlers, feed readers and old browsers ask for /favicon.ico itself, whatever the
 * page links), the web manifest and its icons, and the default share image (og:image of a page
 * without its own photo). They are committed; run again after the icon or the name changes:
 *
 *   NEWSROOM_NAME="The Harbour Times" npx tsx scripts/make-public-assets.ts
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "..");
const out = (name: string) => path.join(root, "public", name);
const NAME = process.env.NEWSROOM_NAME ?? "Copydesk";
const INK = "#1a1a1a";
const PAPER = "#fdfcf9";
const ACCENT = "#b3261e";
const ICO_SIZES = [16, 32, 48];

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One ICO entry as a classic bitmap (BITMAPINFOHEADER, bottom-up BGRA, an AND mask): every reader of .ico takes it. */
async function bitmapEntry(svg: Buffer, size: number): Promise<Buffer> {
  const rgba = await sharp(svg, { density: 72 * (size / 64) * 4 }).resize(size, size).ensureAlpha().raw().toBuffer();
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // the colour rows and the mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2]!;
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]); // alpha decides; the mask is all "opaque"
}

async function favicon(svg: Buffer): Promise<Buffer> {
  const entries = await Promise.all(ICO_SIZES.map((size) => bitmapEntry(svg, size)));
  const directory = Buffer.alloc(6 + 16 * entries.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2); // an icon
  directory.writeUInt16LE(entries.length, 4);
  let offset = directory.length;
  entries.forEach((entry, i) => {
    const at = 6 + 16 * i;
    directory.writeUInt8(ICO_SIZES[i]!, at);
    directory.writeUInt8(ICO_SIZES[i]!, at + 1);
    directory.writeUInt16LE(1, at + 4);
    directory.writeUInt16LE(32, at + 6);
    directory.writeUInt32LE(entry.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += entry.length;
  });
  return Buffer.concat([directory, ...entries]);
}

/** 1200×630, the size every network crops to: the newsroom's name on paper, the icon's ink and a red rule. */
function shareImage(): Buffer {
  const size = NAME.length > 24 ? 64 : 96;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="${PAPER}"/>
  <rect x="0" y="0" width="1200" height="16" fill="${INK}"/>
  <rect x="540" y="372" width="120" height="6" fill="${ACCENT}"/>
  <text x="600" y="330" font-family="DejaVu Serif, Georgia, serif" font-size="${size}" font-weight="700" text-anchor="middle" fill="${INK}">${escapeXml(NAME)}</text>
  <text x="600" y="440" font-family="DejaVu Sans, Helvetica, sans-serif" font-size="32" text-anchor="middle" fill="#5f5b55">News from the newsroom</text>
</svg>`);
}

const svg = await readFile(path.join(root, "app", "icon.svg"));
await writeFile(out("favicon.ico"), await favicon(svg));
for (const size of [192, 512]) await sharp(svg, { density: 72 * (size / 64) }).resize(size, size).png().toFile(out(`icon-${size}.png`));
await sharp(shareImage()).png({ compressionLevel: 9 }).toFile(out("share-default.png"));
const manifest = {
  name: NAME,
  short_name: NAME.length > 12 ? NAME.slice(0, 12) : NAME,
  description: `News from ${NAME}.`,
  start_url: "/",
  scope: "/",
  display: "browser",
  background_color: PAPER,
  theme_color: INK,
  icons: [
    { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
    { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    { src: "/favicon.ico", sizes: ICO_SIZES.map((s) => `${s}x${s}`).join(" "), type: "image/x-icon" },
  ],
};
await writeFile(out("site.webmanifest"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`public/: favicon.ico (${ICO_SIZES.join(", ")} px), icon-192.png, icon-512.png, share-default.png, site.webmanifest for "${NAME}"`);
