/** @type {import('next').NextConfig} */
const nextConfig = {
  // The reader tier's proxy compresses; Next's gzip costs most of its throughput.
  compress: false,
  poweredByHeader: false,
  serverExternalPackages: ["sharp", "@node-rs/argon2", "pg"],
};

export default nextConfig;
