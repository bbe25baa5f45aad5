// @ts-check
// Plain JavaScript: the server edge (scripts/server-edge.mjs) runs it before anything is compiled, on
// every request, so that no route — reader page, listing, feed, content API or staff page — ever sees
// an address it cannot decode. Next decodes dynamic segments itself and answers 500 when that fails
// (/sections/%C3%28); a header built from a decoded segment throws on a control character or a code
// point above U+00FF and left the request unanswered for minutes. One check here covers the class.

/** Raw characters a client must percent-encode (RFC 3986): controls, space, DEL and anything not ASCII. */
const RAW_UNSAFE = /[^\x21-\x7e]/;
/** C0 controls, DEL and C1 controls: never part of a page's address. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Why the path of this request target cannot name any page — a raw byte a
 * client must escape, a malformed or truncated escape, bytes that are not
 * UTF-8 (overlong forms and surrogates included: decodeURIComponent is
 * strict), or a control character once decoded — or null when it is sound.
 * The query string is judged by unsoundQuery.
 * @param {string} target the request line's target, e.g. "/sections/city?x=1"
 * @returns {string | null}
 */
export function unsoundPath(target) {
  const path = target.split("?", 1)[0] ?? "";
  if (RAW_UNSAFE.test(path)) return "unescaped character";
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return "malformed escape or not UTF-8";
  }
  if (CONTROL.test(decoded)) return "control character";
  return null;
}

/**
 * Why the query of this request target cannot be meant — a control
 * character in a decoded name or value (PostgreSQL refuses a NUL in text, so
 * "/search?q=%00" was a 500) — or null when it is sound. Decoded the way
 * routes read it (URLSearchParams, which keeps a malformed escape as its
 * characters), so only what a route would see is judged.
 * @param {string} target the request line's target, e.g. "/search?q=harbour"
 * @returns {string | null}
 */
export function unsoundQuery(target) {
  const start = target.indexOf("?");
  if (start < 0) return null;
  for (const [name, value] of new URLSearchParams(target.slice(start + 1))) {
    if (CONTROL.test(name) || CONTROL.test(value)) return "control character in the query";
  }
  return null;
}
