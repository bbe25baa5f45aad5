export const DEFAULT_AFTER_SIGN_IN = "/newsroom";

/**
 * Where to send someone after signing in: a path on this site, or the
 * newsroom. Refuses everything that could leave the origin — `//evil`,
 * `/\evil`, `javascript:`, absolute URLs, control characters.
 */
export function safeRedirectPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return DEFAULT_AFTER_SIGN_IN;
  const base = "http://copydesk.invalid";
  const parsed = new URL(candidate, base);
  if (parsed.origin !== base) return DEFAULT_AFTER_SIGN_IN;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
