// @ts-check
import { randomUUID } from "node:crypto";
import pg from "pg";
import fileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { requestStart } from "./request-start.js";

// Node hands over the CommonJS module (the class is on `default`), Next's bundler the class itself.
/** @type {typeof import("next/dist/server/lib/incremental-cache/file-system-cache.js").default} */
const FileSystemCache = /** @type {any} */ (fileSystemCache).default ?? fileSystemCache;

/**
 * Next's cache for rendered reader pages and cached reads, kept coherent
 * across any number of app instances on one PostgreSQL.
 *
 * - Memory only, within Next's `cacheMaxMemorySize` (an LRU by size): nothing
 *   is written to disk, so no URL anyone makes up can grow the disk.
 * - When one instance expires tags (after a change commits), it tells every
 *   other through PostgreSQL's NOTIFY on one channel; each expires the same
 *   tags in its own memory on receipt.
 * - A render that began before a change may finish after the expiry with the
 *   old data; stored then, it would look fresh. So an entry is not stored
 *   when one of its tags expired after its request arrived (the server edge
 *   keeps that time, lib/reader/request-start.js): that request gets it, the
 *   next one renders again.
 * - An instance that is not listening (starting, or its connection to
 *   PostgreSQL lost) neither serves from nor stores into the cache: it renders
 *   from the database. Once listening again it ignores everything cached
 *   before, since it may have missed expiries meanwhile.
 *
 * Next loads this file itself at run time (plain JavaScript, not bundled); it
 * constructs the class per request, so the connection lives at module level.
 * While building, or without DATABASE_URL, there is nobody to tell: local only.
 */
const CHANNEL = "copydesk_reader_cache";
const RECONNECT_MS = 500;
/** How long an expiry is remembered: far longer than any render takes. */
const REMEMBER_EXPIRY_MS = 60_000;
/** NOTIFY payloads must stay under 8,000 bytes. */
const PAYLOAD_LIMIT = 7_000;

/** @typedef {{ expire?: number }} Durations */

/**
 * One per process, though Next loads this file twice (itself, and bundled
 * into the server's routes); the memory cache and tag manifest behind
 * FileSystemCache are Next's own process-wide singletons likewise.
 * @type {{ origin: string, client: pg.Client | null, coherentSince: number | null, started: boolean, expiredAt: Map<string, number> }}
 */
const link = /** @type {any} */ (globalThis)[Symbol.for("copydesk.readerCacheLink")] ??= {
  origin: randomUUID(),
  client: null,
  // When each recently expired tag expired here.
  expiredAt: new Map(),
  // Entries stored before this moment may have missed an expiry; null while not listening.
  coherentSince: null,
  started: false,
};
const standalone = () => !process.env.DATABASE_URL || process.env.NEXT_PHASE === "phase-production-build";

/** Expires tags in this process's memory the way Next's own cache does, and remembers when. */
function expireLocally(/** @type {string[]} */ tags, /** @type {Durations | undefined} */ durations) {
  const now = Date.now();
  for (const [tag, at] of link.expiredAt) if (now - at > REMEMBER_EXPIRY_MS) link.expiredAt.delete(tag);
  for (const tag of tags) link.expiredAt.set(tag, now);
  void FileSystemCache.prototype.revalidateTag.call(null, tags, durations);
}

/** The tags an entry about to be stored carries: a cached read names them, a page lists them in a header. */
function tagsOf(/** @type {any} */ data, /** @type {any} */ ctx) {
  const listed = ctx?.tags ?? data?.tags ?? String(data?.headers?.["x-next-cache-tags"] ?? "").split(",");
  return /** @type {string[]} */ (listed);
}

/** Whether the render behind an entry began before one of its tags expired (unknown outside a request: no). */
function renderedFromOldData(/** @type {string[]} */ tags) {
  const arrived = requestStart.getStore();
  return arrived !== undefined && tags.some((tag) => (link.expiredAt.get(tag) ?? -Infinity) >= arrived);
}

function listen() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, keepAlive: true });
  const lost = () => {
    if (link.client !== client) return;
    link.client = null;
    link.coherentSince = null;
    client.end().catch(() => {});
    setTimeout(listen, RECONNECT_MS).unref();
  };
  client.on("error", lost);
  client.on("end", lost);
  client.on("notification", (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    const { origin, tags, durations } = JSON.parse(message.payload);
    if (origin !== link.origin) expireLocally(tags, durations);
  });
  link.client = client;
  client
    .connect()
    .then(() => client.query(`LISTEN ${CHANNEL}`))
    .then(() => {
      if (link.client === client) link.coherentSince = Date.now();
    })
    .catch(lost);
}

/** Splits the tags into NOTIFY payloads PostgreSQL accepts. */
function payloads(/** @type {string[]} */ tags, /** @type {Durations | undefined} */ durations) {
  const batches = [];
  let batch = [];
  for (const tag of tags) {
    if (batch.length > 0 && JSON.stringify({ origin: link.origin, tags: [...batch, tag], durations }).length > PAYLOAD_LIMIT) {
      batches.push(batch);
      batch = [];
    }
    batch.push(tag);
  }
  if (batch.length > 0) batches.push(batch);
  return batches.map((part) => JSON.stringify({ origin: link.origin, tags: part, durations }));
}

async function tellOthers(/** @type {string[]} */ tags, /** @type {Durations | undefined} */ durations) {
  const listening = link.coherentSince !== null ? link.client : null;
  // While this instance's own connection is down, a connection of its own carries the news.
  const client = listening ?? new pg.Client({ connectionString: process.env.DATABASE_URL });
  try {
    if (!listening) await client.connect();
    for (const payload of payloads(tags, durations)) await client.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
  } catch (error) {
    // PostgreSQL is unreachable for every instance then, and each ignores its older entries once back.
    console.error(`[copydesk] reader cache: expiry of ${tags.length} tag(s) not sent to other instances: ${error instanceof Error ? error.message : error}`);
  } finally {
    if (!listening) await client.end().catch(() => {});
  }
}

export default class ReaderCacheHandler extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} options */
  constructor(options) {
    super({ ...options, flushToDisk: false });
    if (standalone()) link.coherentSince = 0;
    else if (!link.started) {
      link.started = true;
      listen();
    }
  }

  /** @type {FileSystemCache["get"]} */
  async get(...args) {
    const since = link.coherentSince;
    if (since === null) return null;
    const data = await super.get(...args);
    return data && data.lastModified !== undefined && data.lastModified >= since ? data : null;
  }

  /** @type {FileSystemCache["set"]} */
  async set(...args) {
    const [, data, ctx] = args;
    if (link.coherentSince !== null && !renderedFromOldData(tagsOf(data, ctx))) await super.set(...args);
  }

  /**
   * @param {string | string[]} tags
   * @param {Durations} [durations]
   */
  async revalidateTag(tags, durations) {
    const list = typeof tags === "string" ? [tags] : tags;
    if (list.length === 0) return;
    expireLocally(list, durations);
    if (!standalone()) await tellOthers(list, durations);
  }
}
