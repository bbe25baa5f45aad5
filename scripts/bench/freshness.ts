import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * The bench's freshness and bounds sections: how soon readers stop getting a
 * page that changed while it was hot, wherever they read it; and what
 * requests for made-up URLs leave behind in memory and on disk.
 */

/** Sends a staff request to instance 1 (signed in as an editor) and returns its JSON, failing loudly. */
export type Staff = (path: string, init?: RequestInit) => Promise<unknown>;

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** Readers fetching each URL back to back until stopped, so every cache on the way holds the page. */
export function keepHot(urls: string[]) {
  let stopped = false;
  const readers = urls.map(async (url) => {
    while (!stopped) {
      await fetch(url).then((response) => response.arrayBuffer(), () => null);
      await sleep(10);
    }
  });
  return async () => {
    stopped = true;
    await Promise.all(readers);
  };
}

/** Milliseconds from `since` until `done` holds for what `url` answers, asked every 5 ms; Infinity after 5 s. */
export async function until(url: string, since: number, done: (status: number, body: string) => boolean): Promise<number> {
  for (;;) {
    const response = await fetch(url);
    if (done(response.status, await response.text())) return performance.now() - since;
    if (performance.now() - since > 5_000) return Number.POSITIVE_INFINITY;
    await sleep(5);
  }
}

const CHANGE_ANSWERED = "the change answered";

/** Readers started on a story's path while its changes are measured; stopping them says how many requests they made. */
export type ReaderLoad = (path: string) => Promise<() => Promise<number>>;

/**
 * Rounds of: a live story kept hot by readers on every watched base URL; a
 * change through instance 1 (unpublish, or publish changes made to the
 * working copy); the time from sending the change until each base stops
 * showing the old page. `readers`, when given, adds a crowd of readers on
 * the story for the whole round (through the tier at a steady rate, or
 * straight at the instances as fast as they go).
 */
export async function hotPageChanges(staff: Staff, watched: Record<string, string>, rounds: number, readers?: ReaderLoad) {
  // Next to each place: how long the change's own request took ("the change answered").
  const places = [...Object.keys(watched), CHANGE_ANSWERED];
  const unpublish: Record<string, number[]> = Object.fromEntries(places.map((name) => [name, []]));
  const publishChanges: Record<string, number[]> = Object.fromEntries(places.map((name) => [name, []]));
  const warm = async (path: string, text: string) => {
    for (const base of Object.values(watched)) {
      if (!Number.isFinite(await until(`${base}${path}`, performance.now(), (status, body) => status === 200 && body.includes(text)))) throw new Error(`${base}${path} never showed the story`);
    }
    return keepHot(Object.values(watched).map((base) => `${base}${path}`));
  };
  const measure = async (into: Record<string, number[]>, path: string, change: () => Promise<unknown>, done: (status: number, body: string) => boolean) => {
    const since = performance.now();
    await change();
    into[CHANGE_ANSWERED]!.push(performance.now() - since);
    await Promise.all(Object.entries(watched).map(async ([name, base]) => into[name]!.push(await until(`${base}${path}`, since, done))));
  };

  for (let round = 0; round < rounds; round++) {
    const headline = `Hot story ${Date.now()} ${round}`;
    const story = (await staff("/api/v1/newsroom/articles", { method: "POST", body: JSON.stringify({ headline, standfirst: "First version.", body: doc("The first telling.") }) })) as { id: string; slug: string; version: number };
    const moves = `/api/v1/newsroom/articles/${story.id}/transitions`;
    const path = `/articles/${story.slug}`;
    let { version } = (await staff(moves, { method: "POST", body: JSON.stringify({ action: "publish", version: story.version }) })) as { version: number };

    let cool = await warm(path, "First version.");
    const stopReaders = readers ? await readers(path) : null;
    const update = `Second version ${round}.`;
    ({ version } = (await staff(`/api/v1/newsroom/articles/${story.id}`, { method: "PATCH", body: JSON.stringify({ version, standfirst: update }) })) as { version: number });
    await measure(publishChanges, path, () => staff(moves, { method: "POST", body: JSON.stringify({ action: "publish_changes", version }) }), (status, body) => status === 200 && body.includes(update));
    await cool();

    cool = await warm(path, update);
    await measure(unpublish, path, () => staff(moves, { method: "POST", body: JSON.stringify({ action: "unpublish", note: "Bench round." }) }), (status) => status === 404 || status === 410); // a busy instance's 503 is not "gone"
    await cool();
    await stopReaders?.();
  }
  return { unpublish, publishChanges };
}

const run = promisify(execFile);

/** Bytes under a folder (`du`), 0 when it does not exist. */
export async function diskBytes(folder: string): Promise<number> {
  const { stdout } = await run("du", ["-sb", folder]).catch(() => ({ stdout: "0" }));
  return Number(stdout.split(/\s/)[0]) || 0;
}

/** Resident memory (KiB) of one process. */
export async function rssKiB(pid: number): Promise<number> {
  return Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, "utf8").catch(() => ""))?.[1] ?? 0);
}

/** Requests for URLs nobody links to, 16 at a time: `slugs` made-up article slugs, then `cursors` made-up content-API cursors. */
export async function madeUpRequests(base: string, slugs: number, cursors: number): Promise<{ requests: number; statuses: Record<string, number> }> {
  const count = slugs + cursors;
  const statuses: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const made = `${Date.now().toString(36)}-${i}-${Math.random().toString(36).slice(2)}`;
      const url = i < slugs ? `${base}/articles/no-such-story-${made}` : `${base}/api/v1/content/articles?cursor=${made}`;
      const response = await fetch(url);
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { requests: count, statuses };
}
