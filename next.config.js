import { BASE_SECURITY_HEADERS, readerCsp, STAFF_PATH_PREFIXES, transportSecurityHeaders } from "./lib/security-headers.js";

const dev = process.env.NODE_ENV !== "production";
const staffPaths = STAFF_PATH_PREFIXES.map((prefix) => prefix.slice(1)).join("|");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The reader tier's proxy compresses; Next's gzip costs most of its throughput.
  compress: false,
  poweredByHeader: false,
  serverExternalPackages: ["sharp", "@node-rs/argon2", "pg"],
  experimental: { authInterrupts: true },
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
      { source: `/:path((?!${staffPaths}).*)`, headers: [{ key: "Content-Security-Policy", value: readerCsp(dev) }] },
    ];
  },
};

export default nextConfig;
