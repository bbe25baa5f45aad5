-- Live stories: readers get the revision an article's liveRevisionId points at,
-- staff edit the working copy. Photo texts move from the shared image to the
-- story (and each revision). Corrections get a kind and a public time; share
-- links to previews; the newsroom's settings (the four-eyes rule).

-- Photo texts belong to the story that uses them.
ALTER TABLE "Article" ADD COLUMN "heroAlt" TEXT NOT NULL DEFAULT '',
                      ADD COLUMN "heroCaption" TEXT NOT NULL DEFAULT '',
                      ADD COLUMN "heroCredit" TEXT NOT NULL DEFAULT '',
                      ADD COLUMN "liveRevisionId" TEXT,
                      ADD COLUMN "liveSince" TIMESTAMP(3),
                      ADD COLUMN "scheduledRevisionId" TEXT;
ALTER TABLE "Revision" ADD COLUMN "heroAlt" TEXT NOT NULL DEFAULT '',
                       ADD COLUMN "heroCaption" TEXT NOT NULL DEFAULT '',
                       ADD COLUMN "heroCredit" TEXT NOT NULL DEFAULT '';
UPDATE "Article" a SET "heroAlt" = m."altText", "heroCaption" = m."caption", "heroCredit" = m."credit" FROM "Media" m WHERE m.id = a."heroImageId";
UPDATE "Revision" r SET "heroAlt" = m."altText", "heroCaption" = m."caption", "heroCredit" = m."credit" FROM "Media" m WHERE m.id = r."heroImageId";
ALTER TABLE "Media" DROP COLUMN "altText", DROP COLUMN "caption", DROP COLUMN "credit";

-- A revision's section and image are real references now (reader pages read through them).
UPDATE "Revision" SET "sectionId" = NULL WHERE "sectionId" IS NOT NULL AND "sectionId" NOT IN (SELECT id FROM "Section");
UPDATE "Revision" SET "heroImageId" = NULL WHERE "heroImageId" IS NOT NULL AND "heroImageId" NOT IN (SELECT id FROM "Media");
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_heroImageId_fkey" FOREIGN KEY ("heroImageId") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Revision_slug_idx" ON "Revision"("slug");

-- The version is the content version: moves no longer count up. Existing rows
-- point at their newest revision, so "has unpublished changes" starts false.
UPDATE "Article" a SET "version" = r.version FROM (SELECT "articleId", max(version) AS version FROM "Revision" GROUP BY "articleId") r WHERE r."articleId" = a.id;
UPDATE "Article" a SET "liveRevisionId" = r.id, "liveSince" = coalesce(a."publishedAt", a."updatedAt")
  FROM "Revision" r WHERE r."articleId" = a.id AND r.version = a.version AND a.status = 'PUBLISHED';
UPDATE "Article" a SET "scheduledRevisionId" = r.id
  FROM "Revision" r WHERE r."articleId" = a.id AND r.version = a.version AND a.status = 'SCHEDULED';

CREATE UNIQUE INDEX "Article_liveRevisionId_key" ON "Article"("liveRevisionId");
CREATE UNIQUE INDEX "Article_scheduledRevisionId_key" ON "Article"("scheduledRevisionId");
ALTER TABLE "Article" ADD CONSTRAINT "Article_liveRevisionId_fkey" FOREIGN KEY ("liveRevisionId") REFERENCES "Revision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Article" ADD CONSTRAINT "Article_scheduledRevisionId_fkey" FOREIGN KEY ("scheduledRevisionId") REFERENCES "Revision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- The workflow's invariants, whatever writes the row: a published story has a
-- live revision, a draft or an archived one has none; a scheduled story names
-- the revision that will go live, and only a scheduled one does.
ALTER TABLE "Article" ADD CONSTRAINT "Article_published_is_live" CHECK ("status" <> 'PUBLISHED' OR "liveRevisionId" IS NOT NULL);
ALTER TABLE "Article" ADD CONSTRAINT "Article_draft_is_not_live" CHECK ("status" NOT IN ('DRAFT', 'ARCHIVED') OR "liveRevisionId" IS NULL);
ALTER TABLE "Article" ADD CONSTRAINT "Article_scheduled_names_revision" CHECK (("status" = 'SCHEDULED') = ("scheduledRevisionId" IS NOT NULL));
ALTER TABLE "Article" ADD CONSTRAINT "Article_live_has_date" CHECK ("liveRevisionId" IS NULL OR ("publishedAt" IS NOT NULL AND "liveSince" IS NOT NULL));

-- Reader lists walk live stories newest first.
CREATE INDEX "Article_live_publishedAt_idx" ON "Article"("publishedAt" DESC, "id" DESC) WHERE "liveRevisionId" IS NOT NULL;

-- Search reads the live revision's text; the old index covered the working copy.
DROP INDEX "Article_search_idx";
CREATE INDEX "Revision_search_idx" ON "Revision" USING GIN (article_search_document("headline", "standfirst", "body"));
CREATE INDEX "Revision_tagSlugs_idx" ON "Revision" USING GIN ("tagSlugs");

-- Corrections: a kind, and the time readers first saw it.
CREATE TYPE "CorrectionKind" AS ENUM ('CORRECTION', 'CLARIFICATION', 'UPDATE');
ALTER TABLE "Correction" ADD COLUMN "kind" "CorrectionKind" NOT NULL DEFAULT 'CORRECTION',
                         ADD COLUMN "publishedAt" TIMESTAMP(3);
UPDATE "Correction" SET "publishedAt" = "createdAt";
CREATE INDEX "Correction_publishedAt_idx" ON "Correction"("publishedAt" DESC);

-- Share links to a story's working copy.
CREATE TABLE "ArticlePreview" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticlePreview_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ArticlePreview_tokenHash_key" ON "ArticlePreview"("tokenHash");
CREATE INDEX "ArticlePreview_articleId_idx" ON "ArticlePreview"("articleId");
ALTER TABLE "ArticlePreview" ADD CONSTRAINT "ArticlePreview_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ArticlePreview" ADD CONSTRAINT "ArticlePreview_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The newsroom's settings: exactly one row.
CREATE TABLE "NewsroomSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "fourEyes" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NewsroomSettings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "NewsroomSettings_one_row" CHECK ("id" = 1)
);

-- What made a revision: saves fold, restores and discards keep their own.
CREATE TYPE "RevisionKind" AS ENUM ('SAVE', 'RESTORE', 'DISCARD');
ALTER TABLE "Revision" ADD COLUMN "kind" "RevisionKind" NOT NULL DEFAULT 'SAVE';
