import { db } from "@/lib/db";
import { appUrl, env } from "@/lib/env";
import { forbidden } from "@/lib/errors";
import type { ApiTokenScope, Prisma } from "@/lib/generated/prisma/client";
import { bylineSelect, readerAuthor } from "@/lib/reader/read";
import { cursorAt, readCursor } from "./cursor";
import { ninjsItem, type NinjsItem, type StoryFacts, type StoryState, type SyndicatedContent } from "./ninjs";

/** Events read per page: a page names at most this many stories. */
export const PAGE_SIZE = 50;

const revisionSelect = {
  version: true,
  slug: true,
  headline: true,
  standfirst: true,
  body: true,
  seoTitle: true,
  description: true,
  heroAlt: true,
  heroCaption: true,
  heroCredit: true,
  tagSlugs: true,
  section: { select: { slug: true, name: true } },
  heroImage: { select: { id: true, storageKey: true, widths: true, width: true, height: true } },
} satisfies Prisma.RevisionSelect;

const storySelect = {
  id: true,
  embargoUntil: true,
  ...bylineSelect,
  liveRevision: { select: revisionSelect },
  scheduledRevision: { select: revisionSelect },
  corrections: { where: { publishedAt: { not: null } }, orderBy: { publishedAt: "asc" }, select: { kind: true, note: true } },
} satisfies Prisma.ArticleSelect;

type Story = Prisma.ArticleGetPayload<{ select: typeof storySelect }>;
type Revision = NonNullable<Story["liveRevision"]>;
type LatestEvent = { id: string; type: string; version: number; occurredAt: Date };

/**
 * One page of the partners' feed: the changes after `since` (a cursor this
 * feed gave out; none is the beginning) in the order they committed, as
 * ninjs 3.0 documents — one per story, in the state it is in now — and the
 * cursor to ask with next time (the same point when nothing happened).
 *
 * What partners get is never the working copy: the live revision, or for a
 * story scheduled under an embargo the scheduled revision, marked with its
 * embargo. A story withdrawn from its embargoed schedule is `withheld`, a
 * takedown `canceled`, and neither carries any of the story's text.
 *
 * Read in one repeatable-read snapshot, so the page's events and the states
 * it reports are of the same moment; a change after it is a later event,
 * on a later page.
 */
export async function syndicationItems(partner: { scope: ApiTokenScope }, input: { since: string | null }): Promise<{ items: NinjsItem[]; next: string }> {
  if (partner.scope !== "SYNDICATION") throw forbidden("Only a syndication token reads the syndication feed.");
  const after = readCursor(input.since);
  const { stories, next } = await db().$transaction(
    async (tx) => {
      const events = await tx.outboundEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: PAGE_SIZE, select: { seq: true, articleId: true } });
      const next = cursorAt(events.at(-1)?.seq ?? after);
      // Each story once, where its last change on this page falls.
      const lastAt = new Map<string, number>();
      events.forEach((event, index) => lastAt.set(event.articleId, index));
      const ids = [...lastAt.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
      if (ids.length === 0) return { stories: [], next };

      const rows = await tx.article.findMany({ where: { id: { in: ids } }, select: storySelect });
      const slugs = new Set(rows.flatMap((story) => [...(story.liveRevision?.tagSlugs ?? []), ...(story.scheduledRevision?.tagSlugs ?? [])]));
      const tags = await tx.tag.findMany({ where: { slug: { in: [...slugs] } }, select: { slug: true, name: true } });
      const spans = await tx.outboundEvent.groupBy({ by: ["articleId"], where: { articleId: { in: ids } }, _min: { occurredAt: true }, _max: { seq: true } });
      const latestSeqs = spans.flatMap((span) => (span._max.seq === null ? [] : [span._max.seq]));
      const latest = new Map((await tx.outboundEvent.findMany({ where: { seq: { in: latestSeqs } }, select: { id: true, articleId: true, type: true, version: true, occurredAt: true } })).map((event) => [event.articleId, event]));
      const firstCreated = new Map(spans.map((span) => [span.articleId, span._min.occurredAt!]));
      const tagNames = new Map(tags.map((tag) => [tag.slug, tag.name]));
      const byId = new Map(rows.map((story) => [story.id, story]));
      const facts = ids.flatMap((id): StoryFacts[] => {
        const story = byId.get(id);
        const event = latest.get(id);
        if (!story || !event) return [];
        return [
          {
            id,
            firstCreated: firstCreated.get(id) ?? event.occurredAt,
            versionCreated: event.occurredAt,
            eventId: event.id,
            byline: readerAuthor(story).name,
            state: stateOf(story, event, tagNames),
          },
        ];
      });
      return { stories: facts, next };
    },
    { isolationLevel: "RepeatableRead" },
  );
  // Rendered after the snapshot is let go: bodies are CPU work, and need no connection.
  const site = { origin: appUrl(), newsroom: env().NEWSROOM_NAME };
  return { items: stories.map((story) => ninjsItem(story, site)), next };
}

/**
 * Where a story stands for partners now: live → usable. Scheduled, with its
 * last word to partners an embargoed schedule → usable from the scheduled
 * revision, marked with the embargo (partners see it early), or with none
 * once an editor lifted it (partners may run it now, before the site does).
 * Otherwise: `withheld` when the embargoed copy was taken back before it
 * went out, and anything else that left it off the site a takedown.
 */
function stateOf(story: Story, event: LatestEvent, tagNames: Map<string, string>): StoryState {
  const content = (revision: Revision): SyndicatedContent => ({
    ...revision,
    tags: revision.tagSlugs.flatMap((slug) => (tagNames.has(slug) ? [{ slug, name: tagNames.get(slug)! }] : [])),
  });
  if (story.liveRevision) return { pubStatus: "usable", live: true, embargoedUntil: null, content: content(story.liveRevision), corrections: story.corrections };
  const early = event.type === "embargoed" || event.type === "embargo_lifted";
  if (story.scheduledRevision && early) {
    return { pubStatus: "usable", live: false, embargoedUntil: story.embargoUntil, content: content(story.scheduledRevision), corrections: story.corrections };
  }
  return { pubStatus: early || event.type === "withheld" ? "withheld" : "canceled", version: event.version };
}
