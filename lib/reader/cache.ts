import { createHmac, timingSafeEqual } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { revalidateTag } from "next/cache";
import { z } from "zod";
import { after } from "next/server";
import { db, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { neighbourRows } from "@/lib/reader/article";
import { pathsAffectedBy, tagsAffectedBy, type ReaderFacts } from "@/lib/reader/tags";
import { pingHub } from "@/lib/reader/websub";

/**
 * Expiring reader pages after a change. Immediate expiry ({ expire: 0 }), not
 * stale-while-revalidate: after an unpublish or a legal takedown the next
 * reader must not get the old page even once.
 */
/**
 * What readers have of the story now (null when nothing of it is live), with the pages that link to it: two statements,
 * sent together. A change waits on this before and after it (lib/articles/transition.ts), so round trips count.
 */
export async function readerFacts(client: Pick<Db, "$queryRaw">, articleId: string): Promise<ReaderFacts | null> {
  const [[story], neighbours] = await Promise.all([
    client.$queryRaw<{ authorId: string; slug: string; sectionSlug: string | null; tagSlugs: string[] }[]>`
      SELECT a."authorId", r."slug", s."slug" AS "sectionSlug", r."tagSlugs"
        FROM "Article" a JOIN "Revision" r ON r."id" = a."liveRevisionId" LEFT JOIN "Section" s ON s."id" = r."sectionId"
       WHERE a."id" = ${articleId} AND a."publishedAt" IS NOT NULL`,
    neighbourRows(client, articleId),
  ]);
  if (!story) return null;
  const neighbourSlugs = [...new Set(neighbours.map((row) => row.slug))];
  return { id: articleId, slug: story.slug, authorId: story.authorId, sectionSlug: story.sectionSlug, tagSlugs: story.tagSlugs, neighbourSlugs };
}

/**
 * In a route handler or server action: Next applies the expiry as the request
 * ends. Then, after the response:
 * - when the reader tier is configured (READER_REFRESH_URL), the changed URLs
 *   are fetched through its refresh listener, which stores fresh copies under
 *   the key readers use: at once, and again a moment later for any copy Next
 *   was still rendering from the old data (the tier's one-second lifetime is
 *   only the backstop);
 * - when a CDN is configured (CDN_PURGE_URL), it is told which URLs and tags
 *   to purge, once the tier surely holds the new copies it will refetch;
 * - when a WebSub hub is configured (WEBSUB_HUB_URL), it is told of each
 *   changed feed last, so what it fetches is the new feed (lib/reader/websub.ts).
 */
export function expireInRequest(tags: string[], paths: string[] = []): void {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  const { READER_REFRESH_URL: refreshUrl, CDN_PURGE_URL: purgeUrl, WEBSUB_HUB_URL: hubUrl } = env();
  if (paths.length === 0 || (!refreshUrl && !purgeUrl && !hubUrl)) return;
  after(() => refreshAfterChange(tags, paths));
}

/** What follows a change once the response is on its way (expireInRequest), in this order: tier, CDN, hub. */
export async function refreshAfterChange(tags: string[], paths: string[]): Promise<void> {
  const { READER_REFRESH_URL: refreshUrl, CDN_PURGE_URL: purgeUrl } = env();
  if (refreshUrl) {
    await refreshThroughTier(refreshUrl, paths);
    await sleep(SECOND_REFRESH_MS);
    await refreshThroughTier(refreshUrl, paths);
  }
  if (purgeUrl) await purgeCdn(purgeUrl, tags, paths);
  await pingHub(paths);
}

const SECOND_REFRESH_MS = 400;

/** Renders are CPU work on the same instances readers wait on: a few at a time, in the order given (most read first). */
const REFRESHES_AT_ONCE = 2;

async function refreshThroughTier(refreshUrl: string, paths: string[]): Promise<void> {
  const queue = [...paths];
  const refreshNext = async (): Promise<void> => {
    const path = queue.shift();
    if (path === undefined) return;
    await fetch(`${refreshUrl.replace(/\/$/, "")}${path}`).then((response) => response.arrayBuffer(), () => null);
    await refreshNext();
  };
  await Promise.all(Array.from({ length: REFRESHES_AT_ONCE }, refreshNext));
}

const PURGE_ATTEMPTS = 3;

/** POSTs { urls, tags } to the CDN's purge hook; retried twice with back-off, then logged (a CDN left at the tier's one-second lifetime needs no purge at all). */
async function purgeCdn(purgeUrl: string, tags: string[], paths: string[]): Promise<void> {
  const { NEXTAUTH_URL: publicUrl, CDN_PURGE_TOKEN: token } = env();
  const body = JSON.stringify({ urls: paths.map((path) => (publicUrl ? new URL(path, publicUrl).href : path)), tags });
  let problem = "";
  for (let attempt = 1; attempt <= PURGE_ATTEMPTS; attempt++) {
    if (attempt > 1) await sleep(1_000 * 2 ** (attempt - 2));
    try {
      const response = await fetch(purgeUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body,
        signal: AbortSignal.timeout(5_000),
      });
      await response.arrayBuffer();
      if (response.ok) return;
      problem = `answered ${response.status}`;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
  }
  console.error(`[cdn] purge of ${paths.length} URL(s) failed after ${PURGE_ATTEMPTS} attempts: ${problem}`);
}

const outsideRequest = (error: unknown) => error instanceof Error && error.message.includes("static generation store missing");

/**
 * Expires reader pages from wherever a change happened: inside a request
 * directly; in the server process outside a request (the scheduler's timer)
 * by asking the server; in a process with no server at all (seed, tests)
 * there are no cached pages to expire — but the feeds did change, so a
 * WebSub hub is told at once (there is no fresher copy to wait for).
 */
export async function expireReaderPages(tags: string[], paths: string[]): Promise<void> {
  try {
    expireInRequest(tags, paths);
  } catch (error) {
    if (!outsideRequest(error)) throw error;
    if (process.env.NEXT_RUNTIME === "nodejs" && process.env.PORT) await expireViaServer(tags, paths);
    else await pingHub(paths);
  }
}

/** After a change, for the article as it was and as it is now. */
export async function expireArticlePages(before: ReaderFacts | null, articleId: string): Promise<void> {
  const now = await readerFacts(db(), articleId);
  const versions = [before, now].filter((facts): facts is ReaderFacts => facts !== null);
  await expireReaderPages(tagsAffectedBy(...versions), pathsAffectedBy(...versions));
}

const signatureOf = (body: string) => createHmac("sha256", env().NEXTAUTH_SECRET ?? "development").update(body).digest("hex");

/**
 * Outside any request (the scheduler's timer) there is no request scope to
 * expire tags in, so the server asks itself, signed with the app secret.
 */
export async function expireViaServer(tags: string[], paths: string[]): Promise<void> {
  const { body, signature } = signedExpiry(tags, paths);
  const response = await fetch(`http://127.0.0.1:${process.env.PORT ?? 3000}/api/internal/revalidate`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Copydesk-Signature": signature },
    body,
  });
  if (!response.ok) throw new Error(`revalidate answered ${response.status}`);
}

/** An expiry request, stamped with its time and signed with the app secret. */
export function signedExpiry(tags: string[], paths: string[], now = Date.now()) {
  const body = JSON.stringify({ tags, paths, signedAt: now });
  return { body, signature: signatureOf(body) };
}

const ExpiryRequest = z
  .object({ tags: z.array(z.string().min(1).max(256)).max(500), paths: z.array(z.string().startsWith("/").max(512)).max(500), signedAt: z.number().int() })
  .strict();
/** A signed request is good this long: a captured one cannot be replayed later. */
const SIGNATURE_LIFETIME_MS = 30_000;

/** The tags and paths of a request expireViaServer() signed within the last half minute, or null for anything else. */
export function verifiedExpiry(body: string, given: string | null, now = Date.now()): { tags: string[]; paths: string[] } | null {
  const expected = Buffer.from(signatureOf(body));
  const actual = Buffer.from(given ?? "");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = ExpiryRequest.safeParse(json);
  if (!parsed.success || Math.abs(now - parsed.data.signedAt) > SIGNATURE_LIFETIME_MS) return null;
  return { tags: parsed.data.tags, paths: parsed.data.paths };
}
