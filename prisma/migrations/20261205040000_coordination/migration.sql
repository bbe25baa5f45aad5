-- Newsroom coordination: planning fields on stories, per-person mail choice, inbox notifications and their mail outbox.
ALTER TABLE "User" ADD COLUMN "emailNotifications" BOOLEAN NOT NULL DEFAULT true;

ALTER TABLE "Article"
  ADD COLUMN "slugLine" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "assigneeId" TEXT,
  ADD COLUMN "editorId" TEXT,
  ADD COLUMN "deadline" TIMESTAMP(3),
  ADD COLUMN "plannedFor" TIMESTAMP(3),
  ADD COLUMN "scheduleAlertAt" TIMESTAMP(3),
  ADD COLUMN "scheduleProblem" TEXT;
ALTER TABLE "Article" ADD CONSTRAINT "Article_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Article" ADD CONSTRAINT "Article_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Article_deadline_idx" ON "Article"("deadline");
CREATE INDEX "Article_plannedFor_idx" ON "Article"("plannedFor");
CREATE INDEX "Article_assigneeId_idx" ON "Article"("assigneeId");

CREATE TYPE "NotificationKind" AS ENUM ('SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'SCHEDULED', 'UNPUBLISHED', 'ASSIGNED', 'MENTIONED', 'SCHEDULE_MISSED');

CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "articleId" TEXT,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "OutboxMail" (
    "id" TEXT NOT NULL,
    "notificationId" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    CONSTRAINT "OutboxMail_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OutboxMail_notificationId_key" ON "OutboxMail"("notificationId");
CREATE INDEX "OutboxMail_sentAt_nextAttemptAt_idx" ON "OutboxMail"("sentAt", "nextAttemptAt");
ALTER TABLE "OutboxMail" ADD CONSTRAINT "OutboxMail_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;
