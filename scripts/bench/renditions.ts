import { percentiles } from "./load";

export interface RenditionRows {
  /** renditions asked for the first time: how many the app made, and how long each answer took */
  first: { requests: number; made: number; ms: ReturnType<typeof percentiles> };
  /** the same addresses again: how many were read back (no image work at all) */
  again: { requests: number; stored: number; ms: ReturnType<typeof percentiles> };
}

/**
 * Renditions are made once (lib/media/make-rendition.ts): every rendition
 * an article page names, asked for straight from an instance (the tier
 * would answer the second time itself), then asked for again. `X-Rendition`
 * says whether the app made it or read it back.
 */
export async function renditionRows(instance: string, articlePath: string): Promise<RenditionRows> {
  const html = await (await fetch(`${instance}${articlePath}`)).text();
  const addresses = [...new Set([...html.matchAll(/srcSet="([^"]+)"/g)].flatMap((match) => match[1]!.split(", ").map((entry) => entry.split(" ")[0]!)))].filter((url) => url.startsWith("/media/"));
  const ask = async (url: string) => {
    const start = performance.now();
    const response = await fetch(`${instance}${url}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return { ms: performance.now() - start, rendition: response.headers.get("x-rendition") };
  };
  const first = [];
  for (const url of addresses) first.push(await ask(url));
  const again = [];
  for (const url of addresses) again.push(await ask(url));
  return {
    first: { requests: first.length, made: first.filter((each) => each.rendition === "made").length, ms: percentiles(first.map((each) => each.ms)) },
    again: { requests: again.length, stored: again.filter((each) => each.rendition === "stored").length, ms: percentiles(again.map((each) => each.ms)) },
  };
}

export function printRenditionRows(rows: RenditionRows) {
  const f = (n: number) => n.toFixed(1);
  console.log("\nrenditions (an article page's, straight from an instance)   requests   made/stored   p50 ms   p95 ms");
  console.log(`  first request                                              ${String(rows.first.requests).padStart(8)}   ${String(rows.first.made).padStart(6)} made   ${f(rows.first.ms.p50).padStart(6)}   ${f(rows.first.ms.p95).padStart(6)}`);
  console.log(`  the same again                                             ${String(rows.again.requests).padStart(8)}   ${String(rows.again.stored).padStart(4)} stored   ${f(rows.again.ms.p50).padStart(6)}   ${f(rows.again.ms.p95).padStart(6)}`);
}
