import { appUrl, env } from "@/lib/env";

/**
 * WebSub (W3C): with WEBSUB_HUB_URL set, every feed names the hub and its own
 * address, and the hub is told of each feed a change touched — so feed
 * readers and partners subscribed through it hear of a publish, correction
 * or takedown within seconds instead of at their next poll.
 *
 * The hub is told after the tier holds the new copy (lib/reader/cache.ts):
 * it fetches the feed as soon as it hears, and must not get the old one.
 * Best effort: a hub that is down or slow is logged, never an editor's error.
 */

/** The feeds among changed reader paths: the site's, a section's, the corrections' and a live blog's entries. */
export const feedPaths = (paths: string[]): string[] => paths.filter((path) => path.endsWith("/feed.xml"));

/** The hub, when one is configured. */
export const hubUrl = (): string | undefined => env().WEBSUB_HUB_URL;

const PING_TIMEOUT_MS = 5_000;

/** `POST hub.mode=publish&hub.url=<feed>` for each changed feed (at once, each on its own). */
export async function pingHub(paths: string[]): Promise<void> {
  const hub = hubUrl();
  const feeds = feedPaths(paths);
  if (!hub || feeds.length === 0) return;
  const site = appUrl();
  await Promise.all(feeds.map((path) => pingOne(hub, `${site}${path}`)));
}

async function pingOne(hub: string, feedUrl: string): Promise<void> {
  try {
    const response = await fetch(hub, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ "hub.mode": "publish", "hub.url": feedUrl }).toString(),
      signal: AbortSignal.timeout(PING_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (!response.ok) console.error(`[websub] the hub answered ${response.status} to the publish ping for ${feedUrl}`);
  } catch (error) {
    console.error(`[websub] could not tell the hub of ${feedUrl}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
