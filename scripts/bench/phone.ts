import { chromium } from "@playwright/test";
import { slugify } from "@/lib/slug";
import { ARTICLES } from "@/prisma/seed-data";
import { BENCH_LAUNCH_OPTIONS, describeVitals, kb, measureReaderPages, type ReaderPageVitals } from "../lib/reader-vitals";

/**
 * The bench's reader-pages-on-a-phone rows (issue #26): the seeded article, the
 * front page and a section page through the tier, measured as the reader-quality
 * e2e measures them (scripts/lib/reader-vitals.ts) — Lighthouse's mobile profile,
 * best of three runs, and the image a 390 px phone chooses. Run while the
 * machine is otherwise quiet (before the load rows), since simulated throttling
 * multiplies whatever CPU time it observes.
 */
export async function phoneRows(base: string, sectionSlug: string, { smoke }: { smoke: boolean }): Promise<ReaderPageVitals[] | { skipped: string }> {
  const seeded = slugify(ARTICLES.find((article) => article.state === "PUBLISHED")!.headline);
  const pages = [
    { name: "seeded article", path: `/articles/${seeded}` },
    { name: "front page", path: "/" },
    { name: "section", path: `/sections/${sectionSlug}` },
  ];
  try {
    // The smoke run (npm test) checks the harness on one page, once.
    return await measureReaderPages(chromium, BENCH_LAUNCH_OPTIONS, base, smoke ? pages.slice(1, 2) : pages, { attempts: smoke ? 1 : 3 });
  } catch (error) {
    // No browser on this machine is a note in the results, not a failed bench.
    if (/Executable doesn't exist|Failed to launch/.test(String(error))) return { skipped: `no Chromium to run Lighthouse (${String(error).split("\n")[0]})` };
    throw error;
  }
}

/** The rows as the bench prints them, and as BENCHMARKS.md quotes them. */
export function printPhoneRows(rows: ReaderPageVitals[] | { skipped: string }) {
  if ("skipped" in rows) {
    console.log(`\nreader pages on a phone: skipped, ${rows.skipped}`);
    return;
  }
  const table = [["page", "perf", "LCP ms", "CLS", "TBT ms", "FCP ms", "LCP image (Lighthouse)", "images", "LCP image at 390 px ×3"]];
  for (const { name, lighthouse: lh, phone } of rows) {
    table.push([
      name,
      String(lh.score),
      String(Math.round(lh.lcpMs)),
      lh.cls.toFixed(3),
      String(Math.round(lh.tbtMs)),
      String(Math.round(lh.fcpMs)),
      lh.lcpImage ? kb(lh.lcpImage.bytes) : "text",
      kb(lh.imageBytes),
      phone.lcpImage ? kb(phone.lcpImage.bytes) : "text",
    ]);
  }
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const runs = Math.max(...rows.map((row) => row.runs.length));
  console.log(`\nreader pages on a phone, through the tier (Lighthouse mobile, ${runs > 1 ? `best of up to ${runs} runs` : "one run"})`);
  for (const row of table) console.log(`  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")}`);
  console.log(`\n${rows.map(describeVitals).join("\n")}`);
}
