import { setTimeout as sleep } from "node:timers/promises";
import { keepHot, until, type Staff } from "./freshness";

/**
 * The bench's live-coverage rows: a live blog on the full dataset, its
 * entries posted through instance 1 while readers poll its updates address
 * through the tier, as open pages do (public/reader/article.js).
 */
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** A published live blog with `entries` entries already posted; its page, and its updates address. */
export async function startLiveBlog(staff: Staff, entries: number) {
  const blog = (await staff("/api/v1/newsroom/articles", { method: "POST", body: JSON.stringify({ kind: "live", headline: `Bench live ${Date.now()}`, standfirst: "Live.", body: doc("The opening.") }) })) as { id: string; slug: string; version: number };
  await staff(`/api/v1/newsroom/articles/${blog.id}/transitions`, { method: "POST", body: JSON.stringify({ action: "publish", version: blog.version }) });
  for (let n = 0; n < entries; n++) await postEntry(staff, blog.id, `Earlier update ${n}.`);
  return { ...blog, updates: `/articles/${blog.slug}/updates.json` };
}

const postEntry = (staff: Staff, articleId: string, text: string) =>
  staff(`/api/v1/newsroom/articles/${articleId}/entries`, { method: "POST", body: JSON.stringify({ body: doc(text) }) }) as Promise<{ id: string }>;

/**
 * Rounds of: readers polling the updates address through the tier every
 * `pollSeconds`, each at its own moment in the interval as real readers are;
 * an entry posted; for each reader, the time until its next look shows it.
 * Beside it, the post's own request time, and how soon a deleted entry is
 * gone from the tier while readers keep the address hot.
 */
export async function liveEntryRows(staff: Staff, tier: string, blog: { id: string; updates: string }, options: { rounds: number; readers: number; pollSeconds: number }) {
  const postToSeen: number[] = [];
  const postAnswered: number[] = [];
  const deleteToGone: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const text = `Bench entry ${Date.now()} ${round}`;
    let postedAt = 0;
    let entryId = "";
    const readers = Array.from({ length: options.readers }, async (_, reader) => {
      // Spread the readers over the interval, then look on the interval, as the follower does.
      await sleep(((reader + Math.random()) / options.readers) * options.pollSeconds * 1000);
      for (;;) {
        const listed = await fetch(`${tier}${blog.updates}`, { cache: "no-store" }).then((response) => response.text());
        if (entryId && listed.includes(entryId)) return performance.now() - postedAt;
        if (postedAt && performance.now() - postedAt > 60_000) return Number.POSITIVE_INFINITY;
        await sleep(options.pollSeconds * 1000);
      }
    });
    await sleep(options.pollSeconds * 500);
    postedAt = performance.now();
    entryId = (await postEntry(staff, blog.id, text)).id;
    postAnswered.push(performance.now() - postedAt);
    postToSeen.push(...(await Promise.all(readers)));

    const cool = keepHot([`${tier}${blog.updates}`, `${tier}${blog.updates}`]);
    await sleep(200);
    const since = performance.now();
    await staff(`/api/v1/newsroom/articles/${blog.id}/entries/${entryId}`, { method: "DELETE", body: JSON.stringify({ reason: "Bench round." }) });
    deleteToGone.push(await until(`${tier}${blog.updates}`, since, (status, body) => status === 200 && !body.includes(entryId)));
    await cool();
  }
  return { postToSeen, postAnswered, deleteToGone };
}

/** The post's own request time while `connections` readers hammer the updates address through the tier. */
export async function postsWhileReadersPoll(staff: Staff, tier: string, blog: { id: string; updates: string }, posts: number, connections: number) {
  const cool = keepHot(Array.from({ length: connections }, () => `${tier}${blog.updates}`));
  const samples: number[] = [];
  try {
    for (let n = 0; n < posts; n++) {
      const start = performance.now();
      await postEntry(staff, blog.id, `Under load ${n}.`);
      samples.push(performance.now() - start);
    }
  } finally {
    await cool();
  }
  return samples;
}
