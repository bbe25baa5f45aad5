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

export type LinkVerdict = { ok: true; href: string } | { ok: false; reason: string };

export function normalizeHref(raw: string): LinkVerdict {
  const href = raw.trim();
  if (/^www\.[^\s]+$/i.test(href)) return { ok: true, href: `https://${href}` };
  if (ALLOWED.test(href)) return { ok: true, href };
  if (href.startsWith("#")) return { ok: false, reason: "an in-page anchor" };
  if (href.startsWith("//") || href.startsWith("/\\")) return { ok: false, reason: "an address without http(s)" };
  return { ok: false, reason: "not a web, email, phone or site link" };
}

/** Whether a stored link is one the rule allows as it stands (no normalising on the server). */
export const isAllowedHref = (href: string) => ALLOWED.test(href.trim()) && href === href.trim();
