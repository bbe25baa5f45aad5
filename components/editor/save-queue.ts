import type { JSONContent } from "@tiptap/core";
import { comparableText } from "@/components/diff-view";
import { plainText } from "@/lib/content/document";
import type { PhotoFraming } from "@/lib/media/crops";
import { formatTime } from "@/lib/format";
import { slugify } from "@/lib/slug";
import type { ApiError } from "./api";
import type { SearchSocialValues } from "./search-social-fields";

/*
 * The editor's save path as data: what is on screen (a Snapshot), what a
 * save sends (only what the server does not have yet), and the queue of
 * edits and acknowledgements that says, truthfully, where the latest changes
 * are. No React and no network here: use-autosave.ts runs it.
 */

export interface Hero {
  mediaId: string;
  url: string;
  alt: string;
  caption: string;
  credit: string;
  /** absent in a device copy kept before framing existed: the save then leaves the stored framing alone */
  width?: number;
  height?: number;
  framing?: PhotoFraming | null;
}
export interface Fields extends SearchSocialValues {
  headline: string;
  standfirst: string;
  slug: string;
  sectionId: string;
  tags: string;
  hero: Hero | null;
}
export interface Snapshot {
  fields: Fields;
  body: JSONContent;
}

/** A field a save kept back, as the API names it (lib/articles/field-check.ts). */
export interface KeptBack {
  field: string;
  message: string;
}
export interface Conflict {
  updatedBy: string | null;
  updatedAt: string;
  currentVersion: number;
}

/** What the save API takes, built from what is on screen. */
export const payload = ({ fields, body }: Snapshot) => ({
  headline: fields.headline,
  standfirst: fields.standfirst,
  // An untitled draft keeps the placeholder address the server gave it.
  slug: fields.slug || slugify(fields.headline) || undefined,
  sectionId: fields.sectionId || null,
  tags: fields.tags.split(",").map((tag) => tag.trim()).filter(Boolean),
  hero: fields.hero && {
    mediaId: fields.hero.mediaId,
    alt: fields.hero.alt,
    caption: fields.hero.caption,
    credit: fields.hero.credit,
    ...(fields.hero.framing !== undefined && { focus: fields.hero.framing?.focus ?? null, ...(fields.hero.framing && { crops: fields.hero.framing.crops }) }),
  },
  // A device copy kept before these fields existed has none: absent, so the save leaves them as they are.
  seoTitle: fields.seoTitle,
  description: fields.description,
  socialImage: fields.socialImage && fields.socialImage.mediaId,
  body,
});
export type Payload = ReturnType<typeof payload>;
/** What the server is known to hold, field by field, at the version the editor names; null when that is unknown. */
export type Acknowledged = Partial<Payload> | null;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields of `next` the server does not have: all of them when what it
 * holds is unknown (a new story, or "keep mine" over someone else's save).
 * A field left undefined (an old device copy's missing SEO fields) is never sent.
 */
export function changedFields(next: Payload, acknowledged: Acknowledged): Partial<Payload> {
  const entries = Object.entries(next).filter(([key, value]) => value !== undefined && (acknowledged === null || !same(value, acknowledged[key as keyof Payload])));
  return Object.fromEntries(entries) as Partial<Payload>;
}

/**
 * What the server holds after a save of `sent` was acknowledged: those
 * fields, except any it kept back ("hero.alt" keeps back the hero), which
 * are sent again with the next save until one takes them.
 */
export function acknowledge(acknowledged: Acknowledged, sent: Partial<Payload>, keptBack: KeptBack[]): Acknowledged {
  const refused = new Set(keptBack.map(({ field }) => field.split(".")[0]!));
  const taken = Object.entries(sent).filter(([key]) => !refused.has(key));
  const held = Object.entries(acknowledged ?? {}).filter(([key]) => !refused.has(key));
  return Object.fromEntries([...held, ...taken]) as Partial<Payload>;
}

export const snapshotText = ({ fields, body }: Snapshot) => comparableText({ headline: fields.headline, standfirst: fields.standfirst, bodyText: plainText(body) });
/** Whether two snapshots differ in anything a person wrote or chose (the body compared as text: the server normalises its JSON). */
export const sameWork = (a: Snapshot, b: Snapshot) => snapshotText(a) === snapshotText(b) && same({ ...payload(a), body: null }, { ...payload(b), body: null });

/**
 * Where the story's latest changes are. Every label is literally true: an
 * unsaved change is always also kept on this device (local-copy.ts) until the
 * server acknowledges it.
 */
export type SaveState = "new" | "saved" | "partly_saved" | "pending" | "saving" | "retrying" | "offline" | "refused" | "signed_out" | "clash";

export const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 30_000;

export interface SaveQueue {
  state: SaveState;
  /** edits made on screen, and how many of them the server has acknowledged */
  edits: number;
  savedEdits: number;
  savedAt: Date | null;
  /** the fields the last save kept back (too long, a slug taken…): flagged in place, and still kept on this device */
  keptBack: KeptBack[];
  conflict: Conflict | null;
  /** why the latest changes are not saved, for the one who wants to leave */
  whyNotSaved: string;
  /** the next retry's wait, doubling up to half a minute */
  retryMs: number;
}

export type SaveEvent =
  | { type: "edited" }
  | { type: "sending" }
  /** `edits`: the edit count when the save was sent; everything up to it is the server's now */
  | { type: "acknowledged"; edits: number; keptBack: KeptBack[]; at: Date }
  | { type: "failed"; error: ApiError }
  /** a retry's time came, the connection returned, the person signed in again or chose to keep their text after a clash */
  | { type: "resumed" }
  /** the person let their unsaved changes go */
  | { type: "abandoned" }
  /** the server put other words in the working copy (Discard changes), and nothing unsaved was on screen: they are what is saved now */
  | { type: "replaced"; at: Date };

export const initialQueue = (saved: Date | null): SaveQueue => ({
  state: saved ? "saved" : "new",
  edits: 0,
  savedEdits: 0,
  savedAt: saved,
  keptBack: [],
  conflict: null,
  whyNotSaved: "",
  retryMs: FIRST_RETRY_MS,
});

/** The queue after one event: the whole save state machine, pure. */
export function nextQueue(queue: SaveQueue, event: SaveEvent): SaveQueue {
  switch (event.type) {
    case "edited":
      // A clash or an ended session waits for the person; further typing does not hide it.
      return { ...queue, edits: queue.edits + 1, state: queue.state === "clash" || queue.state === "signed_out" ? queue.state : "pending" };
    case "sending":
      return { ...queue, state: "saving" };
    case "acknowledged": {
      const settled = { ...queue, savedEdits: event.edits, keptBack: event.keptBack, savedAt: event.at, retryMs: FIRST_RETRY_MS, conflict: null };
      if (queue.edits !== event.edits) return { ...settled, state: "pending" };
      // The rest is saved; what was kept back stays on screen and on this device until a save takes it.
      if (event.keptBack.length > 0) return { ...settled, state: "partly_saved", whyNotSaved: `Not everything is saved: ${event.keptBack.map((entry) => entry.message).join(" ")}` };
      return { ...settled, state: "saved", whyNotSaved: "" };
    }
    case "failed":
      return { ...queue, ...failure(event.error) };
    case "resumed":
      return { ...queue, state: "pending", conflict: null, retryMs: queue.state === "retrying" || queue.state === "offline" ? Math.min(queue.retryMs * 2, LONGEST_RETRY_MS) : queue.retryMs };
    case "abandoned":
      return { ...queue, savedEdits: queue.edits, keptBack: [] };
    case "replaced":
      return { ...queue, state: "saved", savedEdits: queue.edits, keptBack: [], savedAt: event.at, whyNotSaved: "", conflict: null };
  }
}

function failure(error: ApiError): Pick<SaveQueue, "state" | "whyNotSaved"> & Partial<SaveQueue> {
  // A version clash names the current version; another conflict (a slug already taken) is a refusal like any other.
  if (error.code === "conflict" && error.details.currentVersion !== undefined) {
    const conflict = { updatedBy: (error.details.updatedBy as string | null) ?? null, updatedAt: String(error.details.updatedAt), currentVersion: Number(error.details.currentVersion) };
    return { state: "clash", conflict, whyNotSaved: "Someone else saved this story after you opened it; your latest changes are not saved." };
  }
  if (error.status === 401) return { state: "signed_out", whyNotSaved: "Your session has ended; your latest changes are not saved." };
  if (error.status === 0) return { state: "offline", whyNotSaved: "There is no connection to the server; your latest changes are not saved." };
  if (error.status === 429 || error.status >= 500) return { state: "retrying", whyNotSaved: `The server could not save your latest changes (${error.message}).` };
  return { state: "refused", whyNotSaved: `Your latest changes were refused: ${error.message}` };
}

/** Whether the server lacks anything typed here: an edit not yet acknowledged, or a field it kept back. */
export const unsavedWork = (queue: SaveQueue) => queue.edits !== queue.savedEdits || queue.keptBack.length > 0;

const FIELD_NAMES: Record<string, string> = { "hero.alt": "alt text", "hero.caption": "caption", "hero.credit": "credit", seoTitle: "SEO title", socialImage: "social image" };
/** "headline not saved: too long": what the save state says of the fields kept back; the messages under them say the rest. */
export function keptBackSummary(keptBack: KeptBack[]): string {
  const parts = keptBack.map(({ field, message }) => {
    // A photo's text past its limit is kept back on its own; the rest of the body is saved.
    const photo = /^Body: a photo's (alt text|caption|credit) must be at most/.exec(message);
    if (photo) return { name: `a photo's ${photo[1]}`, reason: "too long" };
    return { name: FIELD_NAMES[field] ?? field, reason: /must be at most/.test(message) ? "too long" : /already taken/.test(message) ? "already taken" : "see the message under it" };
  });
  const names = parts.map(({ name }) => name);
  const reasons = new Set(parts.map(({ reason }) => reason));
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
  return `${list} not saved: ${reasons.size === 1 ? [...reasons][0] : "see the messages under them"}`;
}

/** The save state's words; `keptHere` says whether this device could keep a copy of what is unsaved. */
export function saveLabel({ state, savedAt, keptBack }: SaveQueue, keptHere: boolean): string {
  const kept = keptHere ? "kept on this device" : "this device could not keep a copy";
  const saved = savedAt ? `Saved ${formatTime(savedAt)}` : "Saved";
  switch (state) {
    case "new": return "New story: it becomes a draft as soon as you type";
    case "saved": return saved;
    case "partly_saved": return `${saved} — ${keptBackSummary(keptBack)} (${kept})`;
    case "pending": return "Unsaved changes";
    case "saving": return "Saving…";
    case "retrying": return `Not saved — retrying (${kept})`;
    case "offline": return `Offline — ${kept}`;
    case "refused": return `Not saved — ${kept}`;
    case "signed_out": return `Signed out — ${kept}`;
    case "clash": return "Not saved — someone else saved first";
  }
}
