-- The desk's brief on a plan (the angle, the contacts): shown to the assignee, never to readers.
ALTER TABLE "Article" ADD COLUMN "brief" TEXT;
-- The service refuses a longer one by name (PLAN_LIMITS.briefChars in lib/content/limits.ts); this holds the line for any other writer.
ALTER TABLE "Article" ADD CONSTRAINT "Article_brief_length" CHECK ("brief" IS NULL OR char_length("brief") <= 1000);
