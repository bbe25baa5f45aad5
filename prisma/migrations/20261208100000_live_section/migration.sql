-- The live version's section, on the story itself, so that a section's live stories are one index range: section
-- mates (lib/reader/article.ts) and section pages walked every live story, filtering on the live revision's section,
-- and a story whose section had few stories read all of them (190 ms at 100,000, on each publish and page render).
-- The database keeps it: whatever moves the live pointer (a publish, the scheduler, an unpublish, a seed, the bench's
-- fill), the trigger sets the column from the revision now live, and a write to the column alone is overruled.
ALTER TABLE "Article" ADD COLUMN "liveSectionId" TEXT;
UPDATE "Article" a SET "liveSectionId" = r."sectionId" FROM "Revision" r WHERE r."id" = a."liveRevisionId";
ALTER TABLE "Article" ADD CONSTRAINT "Article_liveSectionId_fkey" FOREIGN KEY ("liveSectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Article_live_section_publishedAt_idx" ON "Article"("liveSectionId", "publishedAt" DESC, "id" DESC) WHERE "liveRevisionId" IS NOT NULL;

CREATE FUNCTION "copydesk_live_section"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."liveSectionId" := (SELECT r."sectionId" FROM "Revision" r WHERE r."id" = NEW."liveRevisionId");
  RETURN NEW;
END
$$;
CREATE TRIGGER "Article_live_section" BEFORE INSERT OR UPDATE OF "liveRevisionId", "liveSectionId" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "copydesk_live_section"();
