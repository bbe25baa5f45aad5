// Plain JavaScript so that next.config.js and proxy.ts share one definition.

/**
 * Headers every response carries. CSP comes separately: reader pages get a
 * static policy (a per-request nonce would make them uncacheable), staff
 * pages a strict nonce-based one from proxy.ts.
 */
export const BASE_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * HSTS, when the public address is https: browsers then refuse plain http
 * for two years. Read when the app is built (next.config.js), so build with
 * the production NEXTAUTH_URL set.
 * @param {string | undefined} publicUrl
 */
export function transportSecurityHeaders(publicUrl) {
  return publicUrl?.startsWith("https://") ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : [];
}

const COMMON_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** React's development tools evaluate code; production never does. */
const devEval = (dev) => (dev ? " 'unsafe-eval'" : "");

/**
 * Reader pages: only script files from this origin, and no inline script at
 * all — the edge sends reader pages without Next's inline bootstrap
 * (lib/reader/static-page.js), so a script that found its way into a story
 * could not run. No third-party origins; user text never reaches a page
 * unescaped.
 */
export function readerCsp() {
  return [...COMMON_DIRECTIVES, "script-src 'self'", "style-src 'self' 'unsafe-inline'"].join("; ");
}

/**
 * Staff pages are rendered per request anyway, so each response gets a fresh
 * nonce: only scripts Next stamped with it (and what they load) may run.
 * @param {string} nonce
 * @param {boolean} dev
 */
export function staffCsp(nonce, dev) {
  return [
    ...COMMON_DIRECTIVES,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devEval(dev)}`,
    "style-src 'self' 'unsafe-inline'",
  ].join("; ");
}

/**
 * Paths rendered per request for one person, which get the staff policy and
 * `private, no-store` from proxy.ts (previews of working copies among them);
 * everything else gets the reader policy.
 */
export const STAFF_PATH_PREFIXES = ["/newsroom", "/login", "/invitations", "/api/auth", "/api/v1/newsroom", "/preview"];
