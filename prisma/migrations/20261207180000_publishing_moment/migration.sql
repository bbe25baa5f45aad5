-- The moment of publishing (issue #25): search and social fields, embargo, legal review, the newsroom's checks,
-- a syndication token scope, and the log of outbound events partners are told of.
ALTER TABLE "Article" ADD COLUMN "seoTitle" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Article" ADD COLUMN "description" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Article" ADD COLUMN "socialImageId" TEXT;
ALTER TABLE "Article" ADD COLUMN "embargoUntil" TIMESTAMP(3);
ALTER TABLE "Article" ADD COLUMN "needsLegalReview" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Article" ADD COLUMN "legalClearedVersion" INTEGER;
ALTER TABLE "Article" ADD COLUMN "legalClearedById" TEXT;
ALTER TABLE "Article" ADD COLUMN "legalClearedAt" TIMESTAMP(3);
ALTER TABLE "Article" ADD CONSTRAINT "Article_socialImageId_fkey" FOREIGN KEY ("socialImageId") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Article" ADD CONSTRAINT "Article_legalClearedById_fkey" FOREIGN KEY ("legalClearedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Article_embargoUntil_idx" ON "Article"("embargoUntil");

ALTER TABLE "Revision" ADD COLUMN "seoTitle" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Revision" ADD COLUMN "description" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Revision" ADD COLUMN "socialImageId" TEXT;

ALTER TABLE "User" ADD COLUMN "legalReviewer" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "NewsroomSettings" ADD COLUMN "checks" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "NewsroomSettings" ADD COLUMN "headlineMax" INTEGER NOT NULL DEFAULT 100;

ALTER TYPE "ApiTokenScope" ADD VALUE 'SYNDICATION';

CREATE TABLE "OutboundEvent" (
    "id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboundEvent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OutboundEvent_seq_key" ON "OutboundEvent"("seq");
CREATE INDEX "OutboundEvent_articleId_seq_idx" ON "OutboundEvent"("articleId", "seq");
ALTER TABLE "OutboundEvent" ADD CONSTRAINT "OutboundEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
