import pg from "pg";

/**
 * A realistic newsroom, made inside PostgreSQL with generate_series — no
 * request per article. Bodies are 600–1,500 words built from original
 * paragraphs, each with a quote and an inline photo; most stories are
 * published, the rest spread over every other state; each has a revision,
 * tags, and the workflow event that put it where it is.
 */
const PARAGRAPHS = [
  "Council officers told the committee that the work would start in the spring, once the contractor had finished surveying the old drainage channels under the market square. The survey found more clay than expected, which means the foundations will need to go deeper, and the first estimate of the cost has already been revised twice. Residents who attended the meeting asked for a clear timetable, a named person to call when the noise becomes unbearable, and a promise that the weekly market will not be moved to the car park on the edge of town for a second summer in a row.",
  "The figures published on Monday show that the number of people waiting more than a year for a routine operation has fallen for the third month running, although it remains well above the level of five years ago. Hospital managers credit the new evening theatre sessions and a shared waiting list across the three sites in the region. Surgeons say the improvement is real but fragile: a bad winter for respiratory illness could fill the beds that the extra sessions depend on, and several experienced nurses are due to retire before the end of the year.",
  "Farmers in the valley have been arguing about water for as long as anyone can remember, but this season the argument has moved from the pub to the courtroom. A cooperative of twelve growers says an upstream bottling plant is taking more than its licence allows during dry weeks. The company says its meters are checked every month and that it has offered to pay for an independent audit. A hearing is set for next month, and both sides say they would rather settle, if only they could agree on who should read the meters.",
  "The orchestra's new music director arrived with a reputation for long rehearsals and unusual programmes, and the first concert of the season confirmed both. The evening paired a little-known symphony by a nineteenth-century composer from the coast with a new piece written for the hall's restored organ. The audience, which filled the stalls but left gaps in the upper circle, stood at the end of the organ piece. Ticket sales for the rest of the season are up by a fifth, the box office said, with the strongest demand among people under thirty.",
  "Shipping companies are rerouting vessels around the northern cape after insurers raised premiums for the straits, adding several days to journeys and pushing up the price of some imported goods. Port officials say the quays are coping, but warehouse space is tight and lorry drivers report longer waits at the gates. Economists expect the effect on prices to be modest and short-lived unless the disruption lasts into the new year, when contracts for much of next year's cargo are renegotiated and the higher costs could become permanent.",
  "Teachers at the secondary school on the hill have started a lunchtime club where pupils repair broken bicycles donated by neighbours, and the waiting list is now longer than the list of bicycles. The club began with three old frames and a borrowed set of spanners. It now has a workshop in a former storeroom, a rota of retired mechanics who come in twice a week, and a small grant from the town's transport fund. Repaired bicycles are lent to pupils who live too far to walk and cannot afford the bus.",
  "The archive, which holds parish records going back four centuries, is running out of room, and its keepers have begun the slow work of scanning the most fragile volumes before they are moved to a new store outside the city. Volunteers turn each page by hand under soft light. Historians welcome the project but warn that scanning is not the same as keeping: the digital copies will need looking after too, and file formats that seem permanent today may be unreadable in fifty years unless someone is paid to keep them alive.",
  "The weather service has issued its first frost warning of the autumn for the hill farms, two weeks earlier than the average of the past decade. Growers with fruit still on the trees are covering what they can and picking the rest early. Forecasters say the cold spell should last three nights before milder air returns from the west. Allotment holders have been advised to bring in tender plants, lag outdoor taps and check on elderly neighbours, who are most at risk when the temperature drops suddenly overnight.",
];

const QUOTE = "“We have done this the hard way for years, and it finally feels as if someone is listening,” said one of the people affected.";

export interface FillResult {
  articles: number;
  seconds: number;
  sampleSlug: string;
  sectionSlug: string;
}

export async function fillNewsroom(databaseUrl: string, count: number): Promise<FillResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const media = await client.query<{ id: string; storageKey: string }>(`SELECT id, "storageKey" FROM "Media" ORDER BY id`);
    const figureSrc = `/media/${media.rows[0]!.storageKey.replace(/original\.\w+$/, "960.webp")}`;
    await client.query("BEGIN");
    await client.query(`DROP INDEX IF EXISTS "Revision_search_idx"`);
    await client.query(
      `WITH people AS (SELECT array_agg(id ORDER BY email) AS ids FROM "User"),
            sections AS (SELECT array_agg(id ORDER BY position) AS ids FROM "Section"),
            images AS (SELECT array_agg(id ORDER BY id) AS ids FROM "Media")
       INSERT INTO "Article" (id, slug, headline, standfirst, body, status, "authorId", "sectionId", "heroImageId", "publishedAt", "scheduledFor", "createdAt", "updatedAt", version)
       SELECT 'bench' || g,
              'bench-story-' || g,
              'Bench story ' || g || ': ' || (ARRAY['council','hospital','valley','orchestra','port','school','archive','frost'])[1 + g % 8] || ' update',
              'A standfirst for story ' || g || ' that sums up what happened and why it matters to readers in a couple of lines.',
              (SELECT jsonb_build_object('type', 'doc', 'content', jsonb_agg(node ORDER BY i)) FROM (
                 SELECT i, CASE
                   WHEN i = 3 THEN jsonb_build_object('type', 'blockquote', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', $2::text)))))
                   WHEN i = 5 THEN jsonb_build_object('type', 'figure', 'attrs', jsonb_build_object('src', $3::text, 'alt', 'A street scene', 'caption', 'The scene on Tuesday.', 'credit', 'Copydesk'))
                   ELSE jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', ($1::text[])[1 + (g + i) % 8])))
                 END AS node
                 FROM generate_series(1, 8 + g % 10) i) paragraphs),
              -- live and scheduled stories need their revision first: they take their state below
              (CASE WHEN s.status IN ('PUBLISHED', 'SCHEDULED') THEN 'DRAFT' ELSE s.status END)::"ArticleStatus",
              people.ids[1 + g % array_length(people.ids, 1)],
              sections.ids[1 + g % array_length(sections.ids, 1)],
              images.ids[1 + g % array_length(images.ids, 1)],
              CASE WHEN s.status IN ('PUBLISHED', 'ARCHIVED') THEN now() - make_interval(mins => g) END,
              CASE WHEN s.status = 'SCHEDULED' THEN now() + make_interval(days => 30, mins => g) END,
              now() - make_interval(mins => g + 60),
              now() - make_interval(mins => g),
              1
         FROM generate_series(1, $4::int) g, people, sections, images,
              LATERAL (SELECT (ARRAY['DRAFT','IN_REVIEW','CHANGES_REQUESTED','SCHEDULED','ARCHIVED'])[1 + g % 20] AS maybe) m,
              LATERAL (SELECT coalesce(m.maybe, 'PUBLISHED') AS status) s`,
      [PARAGRAPHS, QUOTE, figureSrc, count],
    );
    await client.query(
      `WITH tags AS (SELECT array_agg(id ORDER BY slug) AS ids, array_agg(slug ORDER BY slug) AS slugs FROM "Tag")
       INSERT INTO "Revision" (id, "articleId", "authorId", version, headline, standfirst, body, slug, "sectionId", "heroImageId", "heroAlt", "heroCaption", "heroCredit", "mediaIds", "tagSlugs", "createdAt")
       SELECT 'rev-' || a.id, a.id, a."authorId", 1, a.headline, a.standfirst, a.body, a.slug, a."sectionId", a."heroImageId",
              'A street scene', 'The scene on Tuesday.', 'Copydesk',
              -- the hero and the body's one figure (the first stored image)
              ARRAY(SELECT DISTINCT unnest(ARRAY[a."heroImageId", $1::text]) ORDER BY 1),
              ARRAY[tags.slugs[1 + (substring(a.id from 6)::int) % array_length(tags.slugs, 1)]], a."createdAt"
         FROM "Article" a, tags WHERE a.id LIKE 'bench%'`,
      [media.rows[0]!.id],
    );
    await client.query(
      `UPDATE "Article" a SET "heroAlt" = 'A street scene', "heroCaption" = 'The scene on Tuesday.', "heroCredit" = 'Copydesk',
              status = CASE WHEN a."publishedAt" IS NOT NULL AND a.status = 'DRAFT' THEN 'PUBLISHED'::"ArticleStatus"
                            WHEN a."scheduledFor" IS NOT NULL THEN 'SCHEDULED'::"ArticleStatus" ELSE a.status END,
              "liveRevisionId" = CASE WHEN a."publishedAt" IS NOT NULL AND a.status = 'DRAFT' THEN 'rev-' || a.id END,
              "liveSince" = CASE WHEN a."publishedAt" IS NOT NULL AND a.status = 'DRAFT' THEN a."publishedAt" END,
              "scheduledRevisionId" = CASE WHEN a."scheduledFor" IS NOT NULL THEN 'rev-' || a.id END
        WHERE a.id LIKE 'bench%'`,
    );
    await client.query(
      `INSERT INTO "WorkflowEvent" (id, "articleId", "actorId", action, "fromStatus", "toStatus", "createdAt")
       SELECT 'ev-' || a.id, a.id, a."authorId", CASE a.status WHEN 'PUBLISHED' THEN 'publish' WHEN 'ARCHIVED' THEN 'archive' WHEN 'SCHEDULED' THEN 'schedule' WHEN 'CHANGES_REQUESTED' THEN 'request_changes' ELSE 'submit' END,
              CASE a.status WHEN 'ARCHIVED' THEN 'PUBLISHED'::"ArticleStatus" WHEN 'IN_REVIEW' THEN 'DRAFT'::"ArticleStatus" ELSE 'IN_REVIEW'::"ArticleStatus" END, a.status, a."updatedAt"
         FROM "Article" a WHERE a.id LIKE 'bench%' AND a.status <> 'DRAFT'`,
    );
    await client.query(
      `WITH tags AS (SELECT array_agg(id ORDER BY slug) AS ids FROM "Tag")
       INSERT INTO "ArticleTag" ("articleId", "tagId")
       SELECT a.id, tags.ids[1 + (substring(a.id from 6)::int) % array_length(tags.ids, 1)] FROM "Article" a, tags WHERE a.id LIKE 'bench%'`,
    );
    await client.query(
      `CREATE INDEX "Revision_search_idx" ON "Revision" USING GIN (article_search_document("headline", "standfirst", "body"))`,
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
    const sample = await client.query<{ slug: string; section: string }>(
      `SELECT a.slug, s.slug AS section FROM "Article" a JOIN "Section" s ON s.id = a."sectionId" WHERE a.status = 'PUBLISHED' AND a.id LIKE 'bench%' ORDER BY a."publishedAt" DESC OFFSET 20 LIMIT 1`,
    );
    return { articles: count, seconds: (performance.now() - started) / 1000, sampleSlug: sample.rows[0]!.slug, sectionSlug: sample.rows[0]!.section };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
