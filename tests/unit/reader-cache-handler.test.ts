import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";

// Alone (no DATABASE_URL): there are no other instances to tell.
delete process.env.DATABASE_URL;
// Next's own class underneath is typed for Next's use, not ours: imported by name, outside the type check.
const HANDLER = "@/lib/reader/cache-handler.mjs";
const { default: ReaderCacheHandler } = (await import(HANDLER)) as { default: new (options: unknown) => { get: (...args: unknown[]) => Promise<unknown>; set: (...args: unknown[]) => Promise<void>; revalidateTag: (tags: string[], durations: { expire: number }) => Promise<void> } };
const { requestStart } = await import("@/lib/reader/request-start.js");

const noDisk = { readFile: () => Promise.reject(new Error("memory only")), existsSync: () => false, stat: () => Promise.reject(new Error("memory only")) };
const handler = new ReaderCacheHandler({ fs: noDisk, serverDistDir: "/nonexistent", maxMemoryCacheSize: 1_000_000, revalidatedTags: [] });

/** A cached read tagged with one story's slug, the way unstable_cache stores it. */
const read = (text: string) => ({ kind: "FETCH", data: { headers: {}, body: text, status: 200, url: "" }, tags: ["slug:harbour"], revalidate: 300 });
const store = (key: string, text: string) => handler.set(key, read(text), { fetchCache: true, tags: ["slug:harbour"] });
const fetched = async (key: string) => ((await handler.get(key, { kind: "FETCH", tags: ["slug:harbour"], softTags: [] })) as { value?: { data?: { body?: string } } } | null)?.value?.data?.body;

describe("the reader cache after a change", () => {
  it("does not store what a request that arrived before the expiry rendered, and stores what a later one did", async () => {
    const arrivedBefore = Date.now();
    await sleep(5);
    await handler.revalidateTag(["slug:harbour"], { expire: 0 });
    await sleep(5);

    await requestStart.run(arrivedBefore, () => store("old-render", "the old headline"));
    expect(await fetched("old-render")).toBeUndefined();

    await requestStart.run(Date.now(), () => store("new-render", "the new headline"));
    expect(await fetched("new-render")).toBe("the new headline");
  });

  it("stores as usual outside any request (building)", async () => {
    await store("built", "at build time");
    expect(await fetched("built")).toBe("at build time");
  });
});
