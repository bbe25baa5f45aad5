-- CreateTable
CREATE TABLE "ArticlePresence" (
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticlePresence_pkey" PRIMARY KEY ("articleId","userId")
);

-- CreateIndex
CREATE INDEX "ArticlePresence_articleId_seenAt_idx" ON "ArticlePresence"("articleId", "seenAt");
