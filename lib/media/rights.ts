import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { imageFolder, imageUrl } from "@/lib/media/image";
import type { PhotoRights } from "@/lib/publishing/checks";
import { dayRange } from "@/lib/time-zone";
import { readDay, readTime } from "@/lib/written-time";

/**
 * A photo's rights: the day they expire on and a usage note. They are the
 * photo's (a Media row's), not a story's — every story showing the photo is
 * held to them. The day is kept as its midnight UTC (a CHECK in the database
 * refuses any other time), and the rights lapse at the start of that day in
 * the newsroom's zone: "expires on 31 Jan" means the photo may not go out on
 * 31 Jan, wherever the server's clock is.
 */
export const USAGE_NOTE_MAX = 500;

type MediaClient = Pick<Prisma.TransactionClient, "media">;

/** "2027-01-31" ↔ the Date the column holds (that day's midnight UTC). */
export const dayValue = (day: string) => new Date(`${day}T00:00:00.000Z`);
export const dayOfValue = (value: Date) => value.toISOString().slice(0, 10);

/** The moment rights expiring on `day` lapse: the start of that day in the newsroom's zone. */
export const lapseOf = (day: string, zone = env().NEWSROOM_TIME_ZONE) => dayRange(day, zone).start;

const DAY_MESSAGE = "must be a day, like 2027-01-31 or 31 Jan 2027 (or null for no expiry)";
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/**
 * The expiry day as a client or the desk sends it: an ISO date, a day as the
 * newsroom writes it ("31 Jan 2027", "31/01/2027"), or an ISO date-time —
 * whose own calendar date is taken (rights run by the day; a client that
 * sends a date as midnight UTC means that date). What is not a day in the
 * calendar (2027-02-30, "tomorrow", 12) is refused, naming the field.
 */
export const RightsDay = z.string({ error: DAY_MESSAGE }).transform((text, context) => {
  const written = readDay(text);
  if (written.ok) return written.day;
  const trimmed = text.trim();
  if (DATE_TIME.test(trimmed) && readTime(trimmed, env().NEWSROOM_TIME_ZONE).ok) {
    const day = readDay(trimmed.slice(0, 10));
    if (day.ok) return day.day;
  }
  context.addIssue({ code: "custom", message: `${written.message}; ${DAY_MESSAGE}` });
  return z.NEVER;
});

export const rightsSelect = { id: true, storageKey: true, widths: true, width: true, height: true, createdAt: true, rightsExpireOn: true, usageNote: true } as const;
type RightsRow = Prisma.MediaGetPayload<{ select: typeof rightsSelect }>;

/** What the staff API answers for one photo: its smallest variant (never the original) and its rights. */
export function mediaItemView(media: RightsRow, now = new Date()) {
  const day = media.rightsExpireOn ? dayOfValue(media.rightsExpireOn) : null;
  const lapsesAt = day ? lapseOf(day) : null;
  return {
    id: media.id,
    url: imageUrl(media.storageKey, Math.min(...media.widths)),
    width: media.width,
    height: media.height,
    createdAt: media.createdAt,
    rightsExpireOn: day,
    rightsLapseAt: lapsesAt,
    rightsLapsed: lapsesAt !== null && lapsesAt.getTime() <= now.getTime(),
    usageNote: media.usageNote,
  };
}

/** What a version shows, as far as naming its photos goes: a revision row, a working copy, or a live entry's body. */
export interface ShownContent {
  heroImageId?: string | null;
  heroCaption?: string;
  heroCredit?: string;
  socialImageId?: string | null;
  body: unknown;
}

interface FigureTexts {
  src: string;
  caption: string;
  credit: string;
  alt: string;
}

function figuresOf(node: JSONContent): FigureTexts[] {
  if (node.type === "figure") {
    const attrs = (node.attrs ?? {}) as Record<string, unknown>;
    const text = (key: string) => (typeof attrs[key] === "string" ? (attrs[key] as string).trim() : "");
    return [{ src: text("src"), caption: text("caption"), credit: text("credit"), alt: text("alt") }];
  }
  return (node.content ?? []).flatMap(figuresOf);
}

const quoted = (text: string) => `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;
/** How the desk recognises a photo: its caption, else its credit, else its alt text, as this story has them. */
function described(what: string, texts: { caption?: string; credit?: string; alt?: string }): string {
  const caption = texts.caption?.trim();
  if (caption) return `${what} (${quoted(caption)})`;
  const credit = texts.credit?.trim();
  if (credit) return `${what} (credit: ${credit})`;
  const alt = texts.alt?.trim();
  return alt ? `${what} (${quoted(alt)})` : what;
}

/**
 * The photos a version shows that carry a rights expiry, each named as this
 * version has it (one entry per photo, by its first appearance: hero, share
 * image, then the body's photos in order).
 */
export async function photoRightsOf(tx: MediaClient, content: ShownContent, zone = env().NEWSROOM_TIME_ZONE): Promise<PhotoRights[]> {
  const figures = figuresOf((content.body ?? {}) as JSONContent)
    .map((figure) => ({ ...figure, folder: imageFolder(figure.src) }))
    .filter((figure): figure is FigureTexts & { folder: string } => figure.folder !== null);
  const ids = [content.heroImageId, content.socialImageId].filter((id): id is string => Boolean(id));
  if (ids.length === 0 && figures.length === 0) return [];
  const rows = await tx.media.findMany({
    where: { rightsExpireOn: { not: null }, OR: [{ id: { in: ids } }, ...[...new Set(figures.map((figure) => figure.folder))].map((folder) => ({ storageKey: { startsWith: folder } }))] },
    select: { id: true, storageKey: true, rightsExpireOn: true },
  });
  if (rows.length === 0) return [];
  const named = new Map<string, PhotoRights>();
  const add = (row: (typeof rows)[number] | undefined, name: string) => {
    if (!row || named.has(row.id)) return;
    const expiresOn = dayOfValue(row.rightsExpireOn!);
    named.set(row.id, { mediaId: row.id, name, expiresOn, lapsesAt: dayRange(expiresOn, zone).start });
  };
  add(rows.find((row) => row.id === content.heroImageId), described("the hero photo", { caption: content.heroCaption, credit: content.heroCredit }));
  add(rows.find((row) => row.id === content.socialImageId), "the share image");
  figures.forEach((figure, index) =>
    add(rows.find((row) => row.storageKey.startsWith(figure.folder)), described(figures.length > 1 ? `photo ${index + 1} in the body` : "the photo in the body", figure)),
  );
  return [...named.values()];
}
