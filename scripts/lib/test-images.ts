import { crc32, deflateSync } from "node:zlib";

/**
 * A PNG of `width`×`height`, 1 bit, all one colour: a few KB on the wire that
 * decode to width×height pixels — the decompression bomb the upload limits
 * must refuse from its header. Used by the uploads tests and the hostile suite.
 */
export function flatPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth 1, greyscale, no interlace
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height); // every row: filter 0, all zero bits
  return Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), chunk("IHDR", header), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}
