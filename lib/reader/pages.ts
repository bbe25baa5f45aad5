import { notFound } from "next/navigation";

const MAX_PAGE = 10_000;

/** "2" → 2; no segment → 1; anything else is not a page. */
export function pageNumber(segments: string[] | string | undefined): number {
  const value = Array.isArray(segments) ? segments : segments === undefined ? [] : [segments];
  if (value.length === 0) return 1;
  const page = value.length === 1 && /^[1-9][0-9]{0,4}$/.test(value[0]!) ? Number(value[0]) : NaN;
  if (!(page >= 1 && page <= MAX_PAGE)) notFound();
  return page;
}
