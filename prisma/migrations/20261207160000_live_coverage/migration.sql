-- Live coverage (issue #24): a story may be a live blog, a stream of entries under its opening.
CREATE TYPE "ArticleKind" AS ENUM ('STORY', 'LIVE');
ALTER TABLE "Article" ADD COLUMN "kind" "ArticleKind" NOT NULL DEFAULT 'STORY';
ALTER TABLE "Article" ADD COLUMN "coverageEndedAt" TIMESTAMP(3);
ALTER TABLE "Article" ADD CONSTRAINT "Article_coverage_is_live" CHECK ("kind" = 'LIVE' OR "coverageEndedAt" IS NULL);

ALTER TABLE "NewsroomSettings" ADD COLUMN "liveEntriesNeedApproval" BOOLEAN NOT NULL DEFAULT false;

CREATE TYPE "LiveEntryStatus" AS ENUM ('PENDING', 'POSTED', 'DELETED');

CREATE TABLE "LiveEntry" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "status" "LiveEntryStatus" NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL,
    "mediaIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "keyEvent" BOOLEAN NOT NULL DEFAULT false,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "authorIds" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "postedAt" TIMESTAMP(3),
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "deletedById" TEXT,
    "deleteReason" TEXT,
    CONSTRAINT "LiveEntry_pkey" PRIMARY KEY ("id"),
    -- The states and their times hold together for any writer, not only the services.
    CONSTRAINT "LiveEntry_posted_has_time" CHECK ("status" = 'PENDING' OR "postedAt" IS NOT NULL),
    CONSTRAINT "LiveEntry_deleted_has_who" CHECK (("status" = 'DELETED') = ("deletedAt" IS NOT NULL)),
    CONSTRAINT "LiveEntry_title_length" CHECK (char_length("title") <= 200),
    CONSTRAINT "LiveEntry_has_author" CHECK (cardinality("authorIds") >= 1)
);

CREATE INDEX "LiveEntry_articleId_status_postedAt_id_idx" ON "LiveEntry"("articleId", "status", "postedAt" DESC, "id" DESC);
CREATE INDEX "LiveEntry_mediaIds_idx" ON "LiveEntry" USING GIN ("mediaIds");
-- At most one pinned entry per live blog (a pending one asks for the pin it will take when posted).
CREATE UNIQUE INDEX "LiveEntry_one_pin" ON "LiveEntry"("articleId") WHERE "pinned" AND "status" <> 'DELETED';

ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "WorkflowEvent" ADD COLUMN "entryId" TEXT;
ALTER TABLE "WorkflowEvent" ADD CONSTRAINT "WorkflowEvent_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "WorkflowEvent_entryId_idx" ON "WorkflowEvent"("entryId");

ALTER TABLE "Correction" ADD COLUMN "entryId" TEXT;
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
