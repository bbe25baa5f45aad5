import { fileURLToPath } from "node:url";
import { BASE_SECURITY_HEADERS, readerCsp, STAFF_PATH_PREFIXES, transportSecurityHeaders } from "./lib/security-headers.js";
import { PROXY_BODY_LIMIT_BYTES } from "./lib/upload-limits.js";

const readerCacheMb = Number(process.env.READER_CACHE_MB ?? 48);
if (!Number.isInteger(readerCacheMb) || readerCacheMb < 1) throw new Error("READER_CACHE_MB must be a whole number of megabytes, 1 or more");
const staffPaths = STAFF_PATH_PREFIXES.map((prefix) => prefix.slice(1)).join("|");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The reader tier's proxy compresses; Next's gzip costs most of its throughput.
  compress: false,
  poweredByHeader: false,
  serverExternalPackages: ["sharp", "@node-rs/argon2", "pg"],
  // Rendered pages and cached reads live in memory, within this budget, and stay coherent across
  // instances through PostgreSQL (lib/reader/cache-handler.mjs says how).
  cacheHandler: fileURLToPath(new URL("./lib/reader/cache-handler.mjs", import.meta.url)),
  // Next's LRU counts characters, and a page or read with any character past Latin-1 (a curly quote, a dash,
  // most names) is held at two bytes each: given half as many, READER_CACHE_MB bounds bytes. (Counted as
  // given, 48 "MB" of stories held 96 MB and, with renders in flight, filled the 160 MB heap.)
  cacheMaxMemorySize: (readerCacheMb * 1024 * 1024) / 2,
  experimental: {
    authInterrupts: true,
    // proxy.ts runs on /api/v1/newsroom, so Next buffers those bodies and silently cuts them at this size
    // (default 10 MB): it must be above the upload limit, and lib/upload-limits.js says by how much.
    proxyClientMaxBodySize: PROXY_BODY_LIMIT_BYTES,
  },
  // The front page is page 1 of the latest stories, cached like every reader page.
  async rewrites() {
    return { beforeFiles: [{ source: "/", destination: "/page/1" }] };
  },
  async redirects() {
    return [{ source: "/page/1", destination: "/", permanent: true }];
  },
  async headers() {
    return [
      { source: "/:path*", headers: [...BASE_SECURITY_HEADERS, ...transportSecurityHeaders(process.env.NEXTAUTH_URL)] },
      // Staff paths get a nonce-based policy from proxy.ts instead.
      { source: `/:path((?!${staffPaths}).*)`, headers: [{ key: "Content-Security-Policy", value: readerCsp() }] },
    ];
  },
};

export default nextConfig;
