-- Which stored images each revision shows (hero and body figures), so the media route can tell in one indexed
-- lookup whether an image belongs to a live story (public) or not (staff and preview links only).
ALTER TABLE "Revision" ADD COLUMN "mediaIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

UPDATE "Revision" r SET "mediaIds" = ARRAY(
  SELECT m."id" FROM "Media" m
  WHERE m."id" = r."heroImageId"
     OR EXISTS (
       SELECT 1 FROM jsonb_path_query(r."body", 'strict $.**.src') AS src(value)
       WHERE src.value #>> '{}' LIKE '/media/' || regexp_replace(m."storageKey", '[^/]+$', '') || '%'
     )
  ORDER BY m."id"
);

CREATE INDEX "Revision_mediaIds_idx" ON "Revision" USING GIN ("mediaIds");
