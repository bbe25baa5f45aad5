-- A source id belongs to whoever sent it (an API token's own user, or the person who imported the file):
-- the same ninjs uri from another sender is another story, never a way to reach someone else's draft.
ALTER TABLE "Article" ADD COLUMN "sourceScope" TEXT;

-- Every story ingested so far was sent by its author.
UPDATE "Article" SET "sourceScope" = "authorId" WHERE "sourceId" IS NOT NULL;

DROP INDEX "Article_sourceId_key";
CREATE UNIQUE INDEX "Article_sourceScope_sourceId_key" ON "Article"("sourceScope", "sourceId");

-- A source id without its sender would be unique in no scope at all (NULLs are distinct in a unique index).
ALTER TABLE "Article" ADD CONSTRAINT "Article_source_scoped" CHECK ("sourceId" IS NULL OR "sourceScope" IS NOT NULL);
