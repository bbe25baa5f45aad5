-- Photo rights (issue #26, item 5): the photo's own, not a story's. The expiry is a calendar day held as its
-- midnight UTC; the CHECK keeps a time of day out, so "expires on" can never be read as some instant of another day.
ALTER TABLE "Media" ADD COLUMN "rightsExpireOn" TIMESTAMP(3);
ALTER TABLE "Media" ADD COLUMN "usageNote" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Media" ADD COLUMN "rightsWarnedFor" TIMESTAMP(3);
ALTER TABLE "Media" ADD COLUMN "rightsLapseToldFor" TIMESTAMP(3);
ALTER TABLE "Media" ADD CONSTRAINT "Media_rights_days" CHECK (
  ("rightsExpireOn" IS NULL OR "rightsExpireOn" = date_trunc('day', "rightsExpireOn")) AND
  ("rightsWarnedFor" IS NULL OR "rightsWarnedFor" = date_trunc('day', "rightsWarnedFor")) AND
  ("rightsLapseToldFor" IS NULL OR "rightsLapseToldFor" = date_trunc('day', "rightsLapseToldFor"))
);
CREATE INDEX "Media_rightsExpireOn_idx" ON "Media"("rightsExpireOn");

-- Editors hear a week before a live story's photo rights lapse, and when they have.
ALTER TYPE "NotificationKind" ADD VALUE 'PHOTO_RIGHTS';
