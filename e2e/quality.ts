import { createServer } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, LaunchOptions, Page, PlaywrightWorkerArgs } from "@playwright/test";
import lighthouse, { type Flags } from "lighthouse";

/*
 * The checkers the quality specs share: axe in the page Playwright drives,
 * and Lighthouse driving the project's browser (Debian's Chromium here, see
 * playwright.config.ts) through a remote-debugging port.
 */

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

/** axe's findings on the page as it is now, each with its impact and the elements it names. */
export async function axeFindings(page: Page): Promise<{ impact: string; text: string }[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((violation) => ({
    impact: violation.impact ?? "unknown",
    text: `${violation.id}: ${violation.help} [${violation.nodes.map((node) => node.target.join(" ")).join(", ")}]`,
  }));
}

export type LighthouseRun = (url: string, flags?: Flags) => Promise<NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"]>;

/**
 * Opens the project's browser for Lighthouse to drive, runs `audit` with a function that audits one address, then
 * closes it. `cookies` (a signed-in context's) go into the browser's own cookie jar, where Lighthouse's tabs find them
 * and keep them: a Cookie header given to Lighthouse loses to any cookie a page sets.
 */
export async function withLighthouse<T>(
  playwright: PlaywrightWorkerArgs["playwright"],
  launchOptions: LaunchOptions,
  audit: (run: LighthouseRun) => Promise<T>,
  { cookies = [] }: { cookies?: Parameters<BrowserContext["addCookies"]>[0] } = {},
): Promise<T> {
  const port = await freePort();
  // The persistent context is the browser's default one: the one Lighthouse opens its tabs in.
  const browser = await playwright.chromium.launchPersistentContext("", { ...launchOptions, args: [...(launchOptions.args ?? []), `--remote-debugging-port=${port}`] });
  try {
    await browser.addCookies(cookies);
    return await audit(async (url, flags = {}) => (await lighthouse(url, { port, output: "json", logLevel: "error", ...flags }))!.lhr);
  } finally {
    await browser.close();
  }
}

/** The weighted audits of a category that did not pass, as "audit-id — title". */
export function failedAudits(lhr: Awaited<ReturnType<LighthouseRun>>, category: string, skip: (auditId: string) => boolean = () => false): string[] {
  return lhr.categories[category]!.auditRefs
    .filter((ref) => ref.weight > 0 && !skip(ref.id))
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => {
      // Which elements, so a failure says where to look (an audit's items carry the nodes it found).
      const items = (audit.details as { items?: { node?: { selector?: string } }[] } | undefined)?.items ?? [];
      const nodes = items.flatMap((item) => (item.node?.selector ? [item.node.selector] : [])).slice(0, 5);
      return `${audit.id} — ${audit.title}${nodes.length > 0 ? ` (${nodes.join("; ")})` : ""}`;
    });
}
