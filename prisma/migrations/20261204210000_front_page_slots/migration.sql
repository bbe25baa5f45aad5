-- CreateTable
CREATE TABLE "FrontPageSlot" (
    "position" INTEGER NOT NULL,
    "articleId" TEXT NOT NULL,
    "pinnedById" TEXT NOT NULL,
    "pinnedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrontPageSlot_pkey" PRIMARY KEY ("position"),
    CONSTRAINT "FrontPageSlot_position_check" CHECK ("position" >= 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "FrontPageSlot_articleId_key" ON "FrontPageSlot"("articleId");

-- AddForeignKey
ALTER TABLE "FrontPageSlot" ADD CONSTRAINT "FrontPageSlot_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrontPageSlot" ADD CONSTRAINT "FrontPageSlot_pinnedById_fkey" FOREIGN KEY ("pinnedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
