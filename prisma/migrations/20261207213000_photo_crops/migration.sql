-- Photos that serve readers (issue #26): the hero's focal point and hand-drawn crops (content, so in every
-- revision), the body's first photo for cards of stories without a hero, and the crops renditions may be made of.
ALTER TABLE "Article" ADD COLUMN "heroFocus" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Revision" ADD COLUMN "heroFocus" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Revision" ADD COLUMN "firstPhotoId" TEXT;
ALTER TABLE "Revision" ADD COLUMN "firstPhoto" JSONB;
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_firstPhotoId_fkey" FOREIGN KEY ("firstPhotoId") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "MediaCrop" (
    "id" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "x" INTEGER NOT NULL,
    "y" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MediaCrop_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "MediaCrop_mediaId_x_y_width_height_key" ON "MediaCrop"("mediaId", "x", "y", "width", "height");
ALTER TABLE "MediaCrop" ADD CONSTRAINT "MediaCrop_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Revisions made before: their body's first top-level photo (the same rule as lib/media/first-photo.ts).
UPDATE "Revision" r
SET "firstPhotoId" = m."id", "firstPhoto" = jsonb_build_object('alt', COALESCE(f.fig->'attrs'->>'alt', ''), 'decorative', COALESCE(f.fig->'attrs'->'decorative', 'false'::jsonb))
FROM (SELECT "id", jsonb_path_query_first("body", '$.content[*] ? (@.type == "figure" && @.attrs.src != "")') AS fig FROM "Revision") f
JOIN "Media" m ON m."storageKey" LIKE substring(f.fig->'attrs'->>'src' from 'images/[a-f0-9]{32}/') || '%'
WHERE r."id" = f."id" AND f.fig IS NOT NULL;
