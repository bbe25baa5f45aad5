/**
 * The one rule for links in article bodies: where they may lead, and how a
 * link typed or pasted by a person is brought to that form. Pure, so the
 * editor (on paste, in the Link box) and the save-time check agree.
 *
 * Allowed: the web (http, https), email (mailto), phone (tel) and paths on
 * this site. A bare `www.` address gets `https://`. Anything else — an
 * in-page anchor, a protocol-relative `//host`, another scheme — cannot be
 * a link: the editor keeps the text and drops the link, the server refuses it.
 */
// A site path starts with one "/" — not "//" and not "/\" (browsers read both as another host).
const ALLOWED = /^(https?:\/\/[^\s/?#\\]+|mailto:[^\s]+|tel:[+0-9()\-. ]+$|\/(?![/\\]))/i;

/**
 * Characters no link may hold anywhere, whatever its scheme: browsers drop a
 * tab, line feed or carriage return from inside a URL before they read it,
 * so "/\t/evil.example" is saved as a site path and followed as
 * "//evil.example" — another host. Other controls (C0, DEL, C1) and any
 * whitespace have no place in an address either, and a backslash is read as
 * a slash. Each is named, so the person sees what to fix.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\]|\s/u;

function unsafeCharacter(href: string): string | null {
  // A phone number may keep its spaces: the tel pattern is anchored and holds only digits and separators.
  const inside = /^tel:/i.test(href) ? href.replace(/ /g, "") : href;
  const found = UNSAFE.exec(inside)?.[0];
  if (found === undefined) return null;
  if (found === "\t") return "a tab inside the address";
  if (found === "\n" || found === "\r") return "a line break inside the address";
  if (found === "\\") return "a backslash inside the address (browsers read it as a slash)";
  if (/[\u0000-\u001f\u007f-\u009f]/u.test(found)) return `a control character (U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}) inside the address`;
  return "a space inside the address";
}

export type LinkVerdict = { ok: true; href: string } | { ok: false; reason: string };

export function normalizeHref(raw: string): LinkVerdict {
  const href = raw.trim();
  const unsafe = unsafeCharacter(href);
  if (unsafe) return { ok: false, reason: unsafe };
  if (/^www\.[^\s]+$/i.test(href)) return { ok: true, href: `https://${href}` };
  if (ALLOWED.test(href)) return { ok: true, href };
  if (href.startsWith("#")) return { ok: false, reason: "an in-page anchor" };
  if (href.startsWith("//")) return { ok: false, reason: "an address without http(s)" };
  return { ok: false, reason: "not a web, email, phone or site link" };
}

/** Why a stored link is not one the rule allows as it stands (no normalising on the server); null when it is. */
export function hrefProblem(href: string): string | null {
  if (href !== href.trim()) return "space around the address";
  const unsafe = unsafeCharacter(href);
  if (unsafe) return unsafe;
  return ALLOWED.test(href) ? null : "not a web (http, https), email, phone or site link";
}

/** Whether a stored link is one the rule allows as it stands (no normalising on the server). */
export const isAllowedHref = (href: string) => hrefProblem(href) === null;

// A host name with a dot and a top-level domain of letters, then optionally a port and a path, query or fragment.
const BARE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

/**
 * An address typed into the Link box: as `normalizeHref`, and a bare host
 * ("example.org/report") gets https:// too — a person typing it means the
 * web. Only for typing: in pasted or ingested HTML the same text is a path
 * relative to the page it came from, and is not a link here.
 */
export function normalizeTypedHref(raw: string): LinkVerdict {
  const verdict = normalizeHref(raw);
  if (verdict.ok || !BARE_HOST.test(raw.trim())) return verdict;
  return normalizeHref(`https://${raw.trim()}`);
}
